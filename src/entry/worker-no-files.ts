// What the Worker bundle gets for node:fs, node:fs/promises and node:path
// (wrangler.toml [alias]). src/io reads a data folder from disk as well as
// from bytes; on Workers only bytes arrive (POST /api/v1/import), so the disk
// half is unreachable there, and if it were reached this says why it fails.
// Remove the alias and this file once src/io keeps its file reading apart.

function noFiles(name: string): never {
  throw new Error(`${name}: a Worker has no file system; send the files to POST /api/v1/import`);
}

export const readdir = (): never => noFiles('readdir');
export const openSync = (): never => noFiles('openSync');
export const readSync = (): never => noFiles('readSync');
export const closeSync = (): never => noFiles('closeSync');
export const readFileSync = (): never => noFiles('readFileSync');
export const statSync = (): never => noFiles('statSync');
export const join = (): never => noFiles('path.join');
