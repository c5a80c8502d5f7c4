import { plainEmployeeResult } from '../engine/employee-results.ts';

/**
 * Writes one JSON document, array by array, in chunks of about 1 MB, so a
 * 100,000-employee diagnosis never exists as a single giant string.
 * The output is byte-for-byte what JSON.stringify(value) would give.
 *
 * With `writeBytes` the chunks go out as UTF-8 bytes, each piece encoded
 * straight into a buffer: handing a 1 MB string of concatenated pieces to a
 * stream makes it flatten and re-encode the string, ~4x the cost (0.5 s of
 * a 200 MB diagnosis). `writeBytes` returns true when it is done with the
 * bytes (written out, not queued): the buffer is then filled again rather
 * than a new one taken. Fresh memory is dear: the first touch of each page
 * costs a page fault, ~50 ms for 200 MB of chunks on the benchmark machine.
 */
export function writeJson(value: object, write: (chunk: string) => void, writeBytes?: (chunk: Uint8Array) => boolean | void): void {
  const out = writeBytes ? bytesOut(writeBytes) : textOut(write);
  putObject(value, out, 'whole', null);
  out.end();
}

/**
 * What writeJson writes of `value` before the items of its array under
 * `key`, e.g. `{"cycle":"2026","employees":[`: someone else writes the items.
 */
export function jsonHead(value: object, key: string): string {
  let head = '';
  putObject(value, { put: (piece) => void (head += piece), end() {} }, 'head', key);
  return head;
}

/** What writeJson writes of `value` after the items of its array under `key` (see jsonHead). */
export function writeJsonTail(value: object, key: string, write: (chunk: string) => void, writeBytes?: (chunk: Uint8Array) => boolean | void): void {
  const out = writeBytes ? bytesOut(writeBytes) : textOut(write);
  putObject(value, out, 'tail', key);
  out.end();
}

/** The whole document, or the part before or after the items of the array under `split`. */
function putObject(value: object, out: Out, part: 'whole' | 'head' | 'tail', split: string | null): void {
  if (part !== 'tail') out.put('{');
  let firstKey = true;
  let skipping = part === 'tail';
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (skipping) {
      firstKey = false;
      if (key !== split) continue;
      skipping = false;
      out.put(']');
      continue;
    }
    out.put((firstKey ? '' : ',') + JSON.stringify(key) + ':');
    firstKey = false;
    if (Array.isArray(v)) {
      out.put('[');
      if (part === 'head' && key === split) return;
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out.put(',');
        // A diagnosis' employees keep their indicator results as columns: made for the line, not kept.
        out.put(JSON.stringify(plainEmployeeResult(v[i])) ?? 'null');
      }
      out.put(']');
    } else {
      out.put(JSON.stringify(v));
    }
  }
  out.put('}\n');
}

const CHUNK = 1 << 20;

interface Out {
  put(piece: string): void;
  end(): void;
}

function textOut(write: (chunk: string) => void): Out {
  let buffer = '';
  return {
    put(piece) {
      buffer += piece;
      if (buffer.length > CHUNK) {
        write(buffer);
        buffer = '';
      }
    },
    end: () => write(buffer),
  };
}

function bytesOut(write: (chunk: Uint8Array) => boolean | void): Out {
  let buffer = Buffer.allocUnsafe(CHUNK);
  let at = 0;
  const flush = (): void => {
    // A fresh buffer when the stream still holds the last one.
    if (at > 0 && write(buffer.subarray(0, at)) !== true) buffer = Buffer.allocUnsafe(CHUNK);
    at = 0;
  };
  return {
    put(piece) {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      if (at + 3 * piece.length > CHUNK) flush();
      if (3 * piece.length > CHUNK) write(Buffer.from(piece, 'utf8'));
      else at += buffer.write(piece, at, 'utf8');
    },
    end: flush,
  };
}
