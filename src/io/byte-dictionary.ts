// Codes for texts read as bytes: the repeated cells of a big CSV (cycle,
// employee id, indicator id) get a code without a string being made for each
// row. A string is decoded once per distinct text.

const EMPTY = -1;

export class ByteDictionary {
  /** Text by code, in order of first appearance. */
  readonly texts: string[] = [];
  /** The bytes of every text, one after the other: text c is pool[start[c], start[c + 1]). */
  private pool = new Uint8Array(1 << 12);
  private start = new Int32Array(1 << 8);
  private slots = new Int32Array(1 << 8).fill(EMPTY);
  /** The code returned last: exports repeat a text over neighbouring rows, or go on to the text that came next before. */
  private last = EMPTY;

  constructor(private readonly decode: (bytes: Buffer, from: number, to: number) => string) {
    // The arrays are replaced as they grow. Replaced once here, V8 knows the
    // fields change from the start: otherwise the first growth mid-scan
    // invalidates every optimised function that inlined code() (in a scan,
    // all of them), and ~50-100 ms of compiling is thrown away.
    this.pool = new Uint8Array(this.pool.length);
    this.start = new Int32Array(this.start.length);
    this.slots = new Int32Array(this.slots.length).fill(EMPTY);
  }

  get size(): number {
    return this.texts.length;
  }

  /** The code of the text in bytes[from, to). */
  code(bytes: Buffer, from: number, to: number): number {
    const last = this.last;
    if (last !== EMPTY) {
      if (this.equals(last, bytes, from, to)) return last;
      if (last + 1 < this.texts.length && this.equals(last + 1, bytes, from, to)) return (this.last = last + 1);
    }
    // FNV-1a over the bytes, then linear probing.
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let code = this.slots[slot]!; code !== EMPTY; code = this.slots[slot]!) {
      if (this.equals(code, bytes, from, to)) return (this.last = code);
      slot = (slot + 1) & mask;
    }
    const code = this.add(bytes, from, to);
    this.slots[slot] = code;
    if (2 * this.texts.length > this.slots.length) this.rehash();
    return (this.last = code);
  }

  private equals(code: number, bytes: Uint8Array, from: number, to: number): boolean {
    const at = this.start[code]!;
    const length = to - from;
    if (this.start[code + 1]! - at !== length) return false;
    const pool = this.pool;
    for (let i = 0; i < length; i++) if (pool[at + i] !== bytes[from + i]) return false;
    return true;
  }

  private add(bytes: Buffer, from: number, to: number): number {
    const code = this.texts.length;
    if (code + 2 > this.start.length) this.start = grown(this.start, 2 * this.start.length);
    const at = this.start[code]!;
    const end = at + (to - from);
    if (end > this.pool.length) this.pool = grown(this.pool, Math.max(2 * this.pool.length, end));
    this.pool.set(bytes.subarray(from, to), at);
    this.start[code + 1] = end;
    this.texts.push(this.decode(bytes, from, to));
    return code;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (let code = 0; code < this.texts.length; code++) {
      let hash = 0x811c9dc5;
      for (let i = this.start[code]!; i < this.start[code + 1]!; i++) hash = Math.imul(hash ^ this.pool[i]!, 0x01000193);
      let slot = hash & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = code;
    }
  }
}

function grown<T extends Uint8Array | Int32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
