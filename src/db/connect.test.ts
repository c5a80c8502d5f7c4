// noDelaySocket: the socket postgres.js is given connects where postgres.js
// would have connected its own (a host and port, hosts in turn, or a Unix
// socket path), so turning Nagle off changes nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noDelaySocket } from './connect.ts';

const servers: Server[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A server that answers every connection with its own name, listening on `at` (a port of 127.0.0.1, or a path). */
async function named(name: string, at: number | string): Promise<Server> {
  const server = createServer((socket) => socket.end(name));
  servers.push(server);
  await new Promise<void>((ok) => (typeof at === 'string' ? server.listen(at, ok) : server.listen(at, '127.0.0.1', ok)));
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** What the server at the other end says, read until it closes. */
function greeting(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('noDelaySocket', () => {
  it('connects to the host and port postgres.js parsed', async () => {
    const server = await named('one', 0);
    const open = noDelaySocket();
    expect(await greeting(open({ host: ['127.0.0.1'], port: [portOf(server)], path: false }))).toBe('one');
  });

  it('tries several hosts in turn, as postgres.js does on reconnect', async () => {
    const a = await named('a', 0);
    const b = await named('b', 0);
    const open = noDelaySocket();
    const options = { host: ['127.0.0.1', '127.0.0.1'], port: [portOf(a), portOf(b)], path: false as const };
    const said = [];
    for (let i = 0; i < 3; i++) said.push(await greeting(open(options)));
    expect(said).toEqual(['a', 'b', 'a']);
  });

  it('connects to a Unix socket when postgres.js was given a path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pandian-sock-'));
    dirs.push(dir);
    const path = join(dir, '.s.PGSQL.5432');
    await named('unix', path);
    const open = noDelaySocket();
    expect(await greeting(open({ host: ['/ignored'], port: [5432], path }))).toBe('unix');
  });

  it('passes a refused connection on as the socket error postgres.js listens for', async () => {
    const server = await named('gone', 0);
    const port = portOf(server);
    await new Promise<void>((ok) => server.close(() => ok()));
    const socket = noDelaySocket()({ host: ['127.0.0.1'], port: [port], path: false });
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve));
    expect(error.code).toBe('ECONNREFUSED');
  });
});
