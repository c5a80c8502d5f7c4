// Ordering, ranks and percentiles of employee scores.

/** Scores closer than this compare equal (ENGINE.md). */
const TIE = 1e-9;

export interface Scored {
  employeeId: string;
  score: number;
}

/**
 * The forced-grading order: score descending, ties by employee id ascending.
 * Example: [{b,90},{a,90},{c,95}] -> c, a, b.
 */
export function gradingOrder<T extends Scored>(items: readonly T[]): T[] {
  return [...items].sort((p, q) => {
    if (Math.abs(p.score - q.score) >= TIE) return q.score - p.score;
    return p.employeeId < q.employeeId ? -1 : p.employeeId > q.employeeId ? 1 : 0;
  });
}

/**
 * Groups of equal scores in an ordered list, as [start, end) index ranges.
 * Neighbours closer than 1e-9 join one group (so a group may chain).
 */
export function equalScoreGroups(ordered: readonly Scored[]): [number, number][] {
  const groups: [number, number][] = [];
  forEachEqualScoreGroup(ordered, (start, end) => groups.push([start, end]));
  return groups;
}

/** equalScoreGroups one group at a time, without a pair per group (100,000 of them in a big company). */
export function forEachEqualScoreGroup(ordered: readonly Scored[], visit: (start: number, end: number) => void): void {
  let start = 0;
  for (let k = 1; k <= ordered.length; k++) {
    if (k === ordered.length || Math.abs(ordered[k - 1]!.score - ordered[k]!.score) >= TIE) {
      visit(start, k);
      start = k;
    }
  }
}

export interface RankEntry {
  rank: number;
  percentile: number;
}

/**
 * Rank (1 = highest; equal scores share the lowest rank number: 1, 2, 2, 4) and
 * percentile = 100 * (count below + 0.5 * count equal, self included) / n.
 * Example: scores 90, 80, 80, 70 -> ranks 1, 2, 2, 4; percentile of 80 = 100 * (1 + 0.5*2) / 4 = 50.
 */
export function rankAndPercentile(items: readonly Scored[]): Map<string, RankEntry> {
  return ranksInOrder(gradingOrder(items));
}

/** rankAndPercentile of items already in grading order. */
export function ranksInOrder(ordered: readonly Scored[]): Map<string, RankEntry> {
  const out = new Map<string, RankEntry>();
  forEachRank(ordered, (k, rank, percentile) => out.set(ordered[k]!.employeeId, { rank, percentile }));
  return out;
}

/** The rank and percentile of rankAndPercentile for each position k of items in grading order. */
export function forEachRank(ordered: readonly Scored[], visit: (k: number, rank: number, percentile: number) => void): void {
  const n = ordered.length;
  forEachEqualScoreGroup(ordered, (start, end) => {
    const equal = end - start;
    const below = n - end;
    const percentile = (100 * (below + 0.5 * equal)) / n;
    for (let k = start; k < end; k++) visit(k, start + 1, percentile);
  });
}
