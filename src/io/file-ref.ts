// A file of a data folder on disk (Node only): opened when read, read block
// by block. The readers see it through byte-source.ts's FileRef.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { FileRef } from './byte-source.ts';

export function fileRef(path: string): FileRef {
  return {
    path,
    size: () => statSync(path).size,
    readAll: () => readFileSync(path),
    open() {
      const fd = openSync(path, 'r');
      let open = true;
      return {
        read: (into, position) => readSync(fd, into, 0, into.length, position),
        close() {
          if (open) closeSync(fd);
          open = false;
        },
      };
    },
  };
}
