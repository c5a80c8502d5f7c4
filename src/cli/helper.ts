// The main thread's side of helper-thread.ts: starts it for a data folder
// whose values.csv is big enough to be worth a thread, hands loadDataFolder
// the scanned rows, and has it write the employees of `diagnose --json`.
// Only from the bundle (dist/helper-thread.cjs beside the chunk holding this
// code): from the sources (tsx, vitest) a .ts worker would need a loader, so
// everything then runs on the main thread, with the same results.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PackedEmployees } from '../engine/packed-results.ts';
import { splitTexts, type HelperReply, type HelperRequest } from './helper-messages.ts';
import type { FileRef } from '../io/byte-source.ts';
import type { RawValues } from '../io/values-scan.ts';

/** Below this, starting a thread (~30 ms, ~10 MB) costs more than it saves. */
export const MIN_VALUES_BYTES = 4 << 20;
const YOUNG_MB = 8;

export class Helper {
  private readonly values: Promise<RawValues | null>;
  private written: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly valuesPath: string,
  ) {
    let gotValues: (raw: RawValues | null) => void = () => {};
    this.values = new Promise((resolve) => (gotValues = resolve));
    worker.on('message', (reply: HelperReply) => {
      if (reply.kind === 'values') {
        const packed = reply.values;
        gotValues(packed === null ? null : { ...packed.raw, employees: splitTexts(packed.employees), refs: splitTexts(packed.refs) });
      } else if (reply.kind === 'written') this.settle();
      else this.settle(new Error(`the helper thread failed: ${reply.message}`));
    });
    // Any failure (the thread could not start, the file could not be read)
    // gives no rows: the main thread then reads the file itself and meets the same error.
    const gone = (e?: Error): void => {
      gotValues(null);
      this.settle(e ?? new Error('the helper thread stopped'));
    };
    worker.on('error', gone);
    // The thread ends itself (code 0) once the employees are written, its
    // last job, so it is torn down while this thread finishes.
    worker.on('exit', (code) => (code === 0 ? (gotValues(null), this.settle()) : gone()));
  }

  /** A helper for the data folder `dir`, or null where the main thread is better off alone. */
  static start(dir: string): Helper | null {
    if (!import.meta.url.endsWith('.mjs')) return null;
    // One CommonJS file with just what the thread runs (scripts/build.mjs): an
    // ES module worker loading the shared chunks started ~60 ms later.
    const script = new URL('./helper-thread.cjs', import.meta.url);
    const valuesPath = join(dir, 'values.csv');
    let size: number;
    try {
      size = statSync(valuesPath).size;
    } catch {
      return null;
    }
    if (size < MIN_VALUES_BYTES || !existsSync(script)) return null;
    // A small young generation: the thread keeps little, and every new page costs a fault.
    return new Helper(new Worker(script, { workerData: valuesPath, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }), valuesPath);
  }

  /** For loadDataFolder's scanValues: the rows of values.csv, scanned by the helper. */
  readonly scanValues = (file: FileRef): Promise<RawValues | null> | null => (file.path === this.valuesPath ? this.values : null);

  /** Has the helper write `head` and then the employees to `fd`; resolves when they are written. */
  writeEmployees(fd: number, head: string, employees: PackedEmployees): Promise<void> {
    return new Promise((resolve, reject) => {
      this.written = { resolve, reject };
      this.worker.postMessage({ kind: 'employees', fd, head, employees } satisfies HelperRequest);
    });
  }

  close(): void {
    this.closed = true;
    void this.worker.terminate();
  }

  private settle(error?: Error): void {
    const written = this.written;
    this.written = undefined;
    if (written === undefined || this.closed) return;
    if (error) written.reject(error);
    else written.resolve();
  }
}
