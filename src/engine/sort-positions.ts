// Sorting positions by the numbers at them, for ranks over 100,000 employees.
// A comparator sort of the positions calls back into JavaScript ~1.7 M times
// per 100,000 (55 ms); this radix sort on the numbers' bits makes a few
// linear passes (~10 ms), and is exact for every double.

/** Which 32-bit half of a double comes first in memory: the low one on little-endian machines. */
const LOW_HALF = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * The given positions sorted by values[position] ascending (-0 before 0;
 * values must not be NaN), equal values keeping the given order.
 *
 * Doubles are ordered by their bits once negative ones have every bit
 * flipped and positive ones the sign bit: then the 64-bit patterns sort
 * like the numbers, and a least-significant-digit radix sort over their
 * digits sorts them.
 *
 * Example: values [30, -1, 20], positions [0, 1, 2] -> [1, 2, 0].
 */
export function sortPositions(values: Float64Array, positions: Int32Array): Int32Array {
  const n = positions.length;
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = values[positions[i]!]!;
  const bits = new Uint32Array(at.buffer);
  // Order-preserving keys, low and high 32 bits of each double.
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const l = bits[2 * i + LOW_HALF]!;
    const h = bits[2 * i + 1 - LOW_HALF]!;
    const negative = (h & 0x80000000) !== 0;
    low[i] = negative ? ~l >>> 0 : l;
    high[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
  }
  // Sorted indices into `positions`, one digit at a time, least significant
  // first; a digit that is the same in every key is skipped. 16-bit digits
  // (4 passes) for many numbers, bytes (8 passes) for fewer, where clearing
  // and summing 65,536 counters would cost more than the extra passes.
  const bitsPerDigit = n >= 1 << 16 ? 16 : 8;
  const mask = (1 << bitsPerDigit) - 1;
  const digitsPerHalf = 32 / bitsPerDigit;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const count = new Int32Array(1 << bitsPerDigit);
  for (let pass = 0; pass < 2 * digitsPerHalf; pass++) {
    const keys = pass < digitsPerHalf ? low : high;
    const shift = (pass % digitsPerHalf) * bitsPerDigit;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i]! >>> shift) & mask]! += 1;
    if (n === 0 || count[(keys[0]! >>> shift) & mask] === n) continue;
    let start = 0;
    for (let b = 0; b < count.length; b++) {
      const c = count[b]!;
      count[b] = start;
      start += c;
    }
    for (let i = 0; i < n; i++) {
      const index = order[i]!;
      const b = (keys[index]! >>> shift) & mask;
      next[count[b]!] = index;
      count[b]! += 1;
    }
    const sorted = next;
    next = order;
    order = sorted;
  }
  for (let i = 0; i < n; i++) next[i] = positions[order[i]!]!;
  return next;
}
