// attributes.csv the fast way (byte-csv.ts), like values-scan.ts: its rows
// as columns of codes and numbers, checked against the employees later
// (read-extras.ts bindAttributes), so the scan can run on a worker thread.
// null where byte-csv gives up or a value is not a plain decimal: the
// careful reader (readAttributes) then names the error.
import { byteLength, type ByteSource } from './byte-source.ts';
import { decimal, headerIndex, scanCsv, utf8 } from './byte-csv.ts';
import { ByteDictionary } from './byte-dictionary.ts';

export interface RawAttributes {
  rows: number;
  /** Per row, codes in `cycles`, `employees` and `attributes`. */
  cycle: Uint32Array;
  employee: Uint32Array;
  attribute: Uint32Array;
  value: Float64Array;
  cycles: string[];
  employees: string[];
  attributes: string[];
}

const COLUMNS = ['cycle', 'employee_id', 'attribute', 'value'] as const;

/** Rows of attributes.csv run ~30 bytes (the benchmark company: 30.5). */
const BYTES_PER_ROW = 24;

export function scanAttributes(source: ByteSource, validUtf8: (bytes: Uint8Array) => boolean): RawAttributes | null {
  const cycles = new ByteDictionary(utf8);
  const employees = new ByteDictionary(utf8);
  const attributes = new ByteDictionary(utf8);
  let capacity = Math.max(16, Math.ceil(byteLength(source) / BYTES_PER_ROW));
  let raw: RawAttributes | undefined;
  const done = scanCsv(source, validUtf8, (header) => {
    const at = headerIndex(header, COLUMNS);
    if (at === null) return null;
    const [c, e, a, v] = COLUMNS.map((name) => at.get(name)!) as [number, number, number, number];
    const r: RawAttributes = (raw = {
      rows: 0,
      cycle: new Uint32Array(capacity),
      employee: new Uint32Array(capacity),
      attribute: new Uint32Array(capacity),
      value: new Float64Array(capacity),
      cycles: cycles.texts,
      employees: employees.texts,
      attributes: attributes.texts,
    });
    return (bytes, starts, ends) => {
      const value = decimal(bytes, starts[v]!, ends[v]!);
      if (value !== value) return false;
      if (r.rows === capacity) grow(r, (capacity *= 2));
      const i = r.rows++;
      r.cycle[i] = cycles.code(bytes, starts[c]!, ends[c]!);
      r.employee[i] = employees.code(bytes, starts[e]!, ends[e]!);
      r.attribute[i] = attributes.code(bytes, starts[a]!, ends[a]!);
      r.value[i] = value;
      return true;
    };
  });
  return done && raw !== undefined ? raw : null;
}

function grow(r: RawAttributes, capacity: number): void {
  const bigger = <T extends Uint32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(capacity);
    b.set(a);
    return b;
  };
  r.cycle = bigger(r.cycle);
  r.employee = bigger(r.employee);
  r.attribute = bigger(r.attribute);
  r.value = bigger(r.value);
}
