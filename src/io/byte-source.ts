// Where a file of a data folder comes from: bytes already in memory (an HTTP
// upload, a test) or a file on disk, read block by block so a 136 MB
// values.csv never sits in memory whole. No file system here: a FileRef
// brings its own reads (file-ref.ts on Node), so the readers also run where
// there are only uploaded bytes (Cloudflare Workers).

/** A file on disk, opened only when read. */
export interface FileRef {
  path: string;
  size(): number;
  open(): ByteReader;
  readAll(): Uint8Array;
}

export type ByteSource = Uint8Array | FileRef;

/** Random-access reads of one source; close it when done. */
export interface ByteReader {
  /** Copies bytes from `position` into `into`; returns how many, 0 at the end. */
  read(into: Uint8Array, position: number): number;
  close(): void;
}

export function openBytes(source: ByteSource): ByteReader {
  if (source instanceof Uint8Array) {
    return {
      read(into, position) {
        const part = source.subarray(position, position + into.length);
        into.set(part);
        return part.length;
      },
      close() {},
    };
  }
  return source.open();
}

/** How many bytes the source holds. */
export function byteLength(source: ByteSource): number {
  return source instanceof Uint8Array ? source.length : source.size();
}

/** The whole content, for the small files (policy JSON). */
export function readAllBytes(source: ByteSource): Uint8Array {
  return source instanceof Uint8Array ? source : source.readAll();
}
