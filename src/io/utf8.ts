// UTF-8 text of a data folder's files (a BOM is accepted, as Excel writes one);
// any other encoding is an error naming the line of the first bad byte.
import { nodeBuiltin } from './node-builtin.ts';
import { openBytes, type ByteReader, type ByteSource } from './byte-source.ts';
import { DataError } from './data-error.ts';

// ignoreBOM: the BOM is stripped by hand, once per file, not once per block.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = 0xfeff;

/** Bytes per block read from a CSV file. */
const BLOCK = 1 << 20;
/** The buffer of the last file closed, for the next (a fresh one costs a page fault per 4 KiB); taken while in use. */
let spare: Uint8Array | null = null;

/** Decodes a whole file (dropping a BOM); other encodings are an error naming the line of the first bad byte. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw notUtf8(file, openBytes(bytes), 0, bytes);
  }
  return stripBom(text);
}

// Before blocks, the whole file was decoded with a BOM-stripping decoder and
// then one more BOM was dropped; both are kept.
function stripBom(text: string): string {
  if (text.charCodeAt(0) === BOM) text = text.slice(1);
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * A file's text, piece by piece. Each block of bytes is cut before the last
 * character that starts in it and decoded on its own, into a flat one-byte
 * string when the text is ASCII. (A streaming TextDecoder would do the
 * cutting itself, but in Node 20 it returns two-byte strings, on which
 * papaparse runs ~1.8x slower; and gluing a carried-over tail to the next
 * piece with `+` gives a cons string, which papaparse reads ~2x slower.)
 */
export class Utf8Blocks {
  private readonly reader: ByteReader;
  private buffer: Uint8Array;
  /** File offset just past the last byte decoded. */
  private decodedTo = 0;
  /** True once a piece reached the end of the file. */
  ended = false;

  constructor(
    readonly file: string,
    source: ByteSource,
  ) {
    this.reader = openBytes(source);
    this.buffer = spare ?? new Uint8Array(BLOCK);
    spare = null;
  }

  /**
   * The next piece of text, starting with `keep` (the end of the last piece,
   * not used up yet: it is decoded again from its bytes) and with at least as
   * many new bytes as `keep` has, so text that keeps being carried over is
   * read O(log n) times, not O(n). null once the end was reached.
   */
  next(keep = ''): string | null {
    if (this.ended) return null;
    const keepBytes = keep === '' ? 0 : Buffer.byteLength(keep, 'utf8');
    const position = this.decodedTo - keepBytes;
    if (this.buffer.length < 2 * keepBytes) this.buffer = new Uint8Array(2 * keepBytes);
    const { buffer } = this;
    let total = 0;
    while (total < buffer.length) {
      const n = this.reader.read(buffer.subarray(total), position + total);
      if (n === 0) break;
      total += n;
    }
    const atEnd = total < buffer.length;
    let cut = total;
    if (!atEnd) {
      // Back up over continuation bytes (10xxxxxx) to where the last character starts.
      let i = total - 1;
      while (i > 0 && ((buffer[i] as number) & 0xc0) === 0x80) i--;
      if (i > 0) cut = i;
    }
    let text: string;
    try {
      text = UTF8.decode(buffer.subarray(0, cut));
    } catch {
      throw notUtf8(this.file, this.reader, position, buffer.subarray(0, cut));
    }
    this.decodedTo = position + cut;
    if (atEnd) this.close();
    return position === 0 ? stripBom(text) : text;
  }

  close(): void {
    // Kept unless grown for a huge record: a server would hold it for good.
    if (!this.ended && this.buffer.length === BLOCK) spare = this.buffer;
    this.ended = true;
    this.reader.close();
  }
}

/** The error for bytes that are not UTF-8: `piece` starts at file offset `start`, on a character boundary. */
function notUtf8(file: string, reader: ByteReader, start: number, piece: Uint8Array): DataError {
  const inPiece = firstInvalidUtf8(piece);
  const at = inPiece < 0 ? -1 : start + inPiece;
  let line: number | null = null;
  let got = '';
  if (at >= 0) {
    line = countNewlines(reader, at) + 1;
    const bad = new Uint8Array(4);
    got = `, got the bytes ${hex(bad.subarray(0, reader.read(bad, at)))}`;
  }
  reader.close();
  return new DataError({
    file,
    line,
    expected: 'UTF-8 text',
    detail: `expected UTF-8 text (save as "CSV UTF-8"; GBK and other encodings are not read)${got}`,
  });
}

/** Whether the bytes are UTF-8 (RFC 3629), cut at character boundaries; node:buffer's isUtf8 is faster where there is one. */
export function isUtf8Bytes(b: Uint8Array): boolean {
  return firstInvalidUtf8(b) < 0;
}

/** node:buffer's isUtf8 where the runtime has it (node-builtin.ts), else isUtf8Bytes. */
export const fastestIsUtf8: (b: Uint8Array) => boolean = nodeBuiltin<typeof import('node:buffer')>('node:buffer')?.isUtf8 ?? isUtf8Bytes;

/** Byte offset of the first byte that breaks UTF-8 (RFC 3629), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= b.length) return i;
    const second = b[i + 1] as number;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** How many \n bytes come before file offset `end` (read again from the start: errors only). */
function countNewlines(reader: ByteReader, end: number): number {
  const block = new Uint8Array(Math.min(BLOCK, end));
  let n = 0;
  for (let position = 0; position < end; ) {
    const got = reader.read(block.subarray(0, Math.min(block.length, end - position)), position);
    if (got === 0) break;
    for (let i = 0; i < got; i++) if (block[i] === 0x0a) n++;
    position += got;
  }
  return n;
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
