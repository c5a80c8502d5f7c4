import { describe, expect, it } from 'vitest';
import { inSlices, yieldToIo } from './take-turns.ts';

describe('inSlices', () => {
  it('gives the results in order, a slice at a time, with a turn of the event loop between slices (the first runs at once)', async () => {
    const seen: string[] = [];
    // Queued before the work starts: it runs at the first turn the work gives the event loop.
    let timerRan = false;
    setImmediate(() => (timerRan = true));
    const out = await inSlices([1, 2, 3, 4, 5], 2, async (slice) => {
      seen.push(`${slice.join('+')}${timerRan ? ' after the timer' : ''}`);
      return slice.map((x) => x * 10);
    });
    expect(out).toEqual([10, 20, 30, 40, 50]);
    // Slices of 2: [1,2], [3,4], [5]; a pending timer gets its turn between them.
    expect(seen).toEqual(['1+2', '3+4 after the timer', '5 after the timer']);
  });

  it('does nothing for no items, and yieldToIo resolves', async () => {
    expect(await inSlices([], 3, () => [1])).toEqual([]);
    await expect(yieldToIo()).resolves.toBeUndefined();
  });
});
