// `npm start`: the service on the embedded database with the demo company.
import { demoFolder } from '../cli/main.ts';
import { startServer } from './node.ts';

const server = await startServer({ demoFolder: demoFolder() });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
