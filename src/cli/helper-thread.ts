// The CLI's second thread (helper.ts starts it). The machine running a big
// diagnosis has two cores; this thread takes two jobs off the main one:
// 1. Scanning values.csv (workerData: its path) while the main thread reads
//    the other files; the rows are posted back on SharedArrayBuffers.
// 2. The completion tables of a diagnosis' earlier cycles, while the main
//    thread scores the diagnosed one.
// 3. Writing the employees of `diagnose --json`, most of the output, while
//    the main thread computes the rest of the diagnosis.
import { isUtf8 } from 'node:buffer';
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { unpackEmployees, type PackedEmployees } from '../engine/packed-results.ts';
import { cycleCompletions, groupByCycle } from '../engine/score-cycle.ts';
import type { Dataset } from '../engine/types.ts';
import type { ValueTable } from '../engine/value-table.ts';
import { fileRef } from '../io/file-ref.ts';
import { scanValues } from '../io/values-scan.ts';
import { packCompletions, unpackDataset, type PackedCompletions } from './helper-dataset.ts';
import { packValues, type HelperReply, type HelperRequest } from './helper.ts';

const port = parentPort!;
const raw = scanValues(fileRef(workerData as string), isUtf8, true);
port.postMessage({ kind: 'values', values: raw === null ? null : packValues(raw) } satisfies HelperReply);

port.on('message', (request: HelperRequest) => {
  if (request.kind === 'completions') {
    completions(request);
    return;
  }
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

/** Each cycle's table, posted as soon as it is done; on a failure, none (the main thread then computes it). */
function completions({ cycles, data: packed, port: out, posted }: Extract<HelperRequest, { kind: 'completions' }>): void {
  let data: Dataset | undefined;
  let byCycle: Map<string, ValueTable> | undefined;
  for (const cycle of cycles) {
    let message: PackedCompletions = { cycle, table: null };
    const transfer: ArrayBuffer[] = [];
    try {
      data ??= unpackDataset(packed);
      byCycle ??= groupByCycle(data.values);
      message = packCompletions(cycle, cycleCompletions(data, cycle, byCycle.get(cycle) ?? []));
      for (const [, c] of message.table!.columns) transfer.push(c.departments.buffer as ArrayBuffer, c.completions.buffer as ArrayBuffer, c.actuals.buffer as ArrayBuffer);
    } catch {
      // The main thread computes this cycle itself.
    }
    out.postMessage(message, transfer);
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  }
  out.close();
}

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
