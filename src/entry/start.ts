// `npm start`: the service on the embedded database with the demo company.
import { demoFolder } from '../cli/main.ts';
import { isBadSetting } from '../cli/usage.ts';
import { startServer } from './node.ts';

const server = await startServer({ demoFolder: demoFolder() }).catch((err: unknown) => {
  if (!isBadSetting(err)) throw err;
  process.stderr.write(`pandian: ${(err as Error).message}\n`);
  process.exit(2);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
