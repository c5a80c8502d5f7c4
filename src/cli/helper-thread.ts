// The CLI's second thread (helper.ts starts it). The machine running a big
// diagnosis has two cores; this thread takes two jobs off the main one:
// 1. Scanning values.csv (workerData: its path) while the main thread reads
//    the other files; the rows are posted back on SharedArrayBuffers.
// 2. Writing the employees of `diagnose --json`, most of the output, while
//    the main thread computes the rest of the diagnosis.
// It used to compute the earlier cycles' completion tables too. That cost
// this thread a compilation of its own of all the scoring, for tables the
// main thread computes in ~10-30 ms each once its scoring is optimised:
// measured without it, 10,000 and 100,000 people finish as fast or faster
// with 10-15% less CPU.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { unpackEmployees, type PackedEmployees } from '../engine/packed-results.ts';
import { fileRef } from '../io/file-ref.ts';
import { fastestIsUtf8 } from '../io/utf8.ts';
import { scanValues } from '../io/values-scan.ts';
import { packValues, type HelperReply, type HelperRequest } from './helper-messages.ts';

const port = parentPort!;
const raw = scanValues(fileRef(workerData as string), fastestIsUtf8, true);
port.postMessage({ kind: 'values', values: raw === null ? null : packValues(raw) } satisfies HelperReply);

port.on('message', (request: HelperRequest) => {
  try {
    writeEmployees(request.fd, request.head, request.employees);
    port.postMessage({ kind: 'written' } satisfies HelperReply);
    // The employees are the last job: ending now tears the thread down while
    // the main thread still works, not after it.
    process.exit(0);
  } catch (e) {
    port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies HelperReply);
  }
});

const CHUNK = 1 << 20;

/** `head`, then the employees as JSON.stringify writes them, comma-separated, straight to the file descriptor. */
function writeEmployees(fd: number, head: string, packed: PackedEmployees): void {
  const employee = unpackEmployees(packed);
  const buffer = Buffer.allocUnsafe(CHUNK);
  let at = buffer.write(head);
  for (let k = 0; k < packed.count; k++) {
    const piece = (k > 0 ? ',' : '') + JSON.stringify(employee(k));
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (at + 3 * piece.length > CHUNK) {
      writeAll(fd, buffer.subarray(0, at));
      at = 0;
    }
    if (3 * piece.length > CHUNK) writeAll(fd, Buffer.from(piece, 'utf8'));
    else at += buffer.write(piece, at, 'utf8');
  }
  writeAll(fd, buffer.subarray(0, at));
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** All the bytes, waiting while a non-blocking pipe is full (EAGAIN). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}
