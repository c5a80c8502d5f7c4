// Small numeric helpers shared by the engine's steps.

/**
 * Tolerance for float noise: scores, shares and completions that differ by less
 * than this are treated as equal (ENGINE.md: "Scores compare equal when they
 * differ by less than 1e-9").
 */
export const EPS = 1e-9;

/**
 * Round half up: floor(x + 0.5 + EPS), for x >= 0 (counts and positions).
 *
 * The EPS absorbs float noise that lands a true half just below it:
 * 10 * (0.3 + 0.35) is 6.499999999999999 in binary floating point, yet means
 * 6.5 and must round to 7. Anything closer than 1e-9 below a half counts as
 * the half.
 *
 * Example: roundHalfUp(2.5) = 3; roundHalfUp(10 * (0.3 + 0.35)) = 7;
 * roundHalfUp(1.4) = 1.
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + EPS);
}
