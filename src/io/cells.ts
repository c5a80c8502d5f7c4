// Cell values shared by the CSV readers. Numbers are plain decimals: no
// exponent, no leading `+`, no thousands separators (a `1,234` in a CSV is
// almost always a spreadsheet's display format leaking into the export).
import type { CsvCursor } from './csv.ts';

const SPACE_BETWEEN_DIGITS = /\d[\s\u00a0\u202f]+\d/;

export const PLAIN_NUMBER = 'a plain decimal number such as 1234.5';
const NO_SEPARATORS = `${PLAIN_NUMBER} (no thousands separators)`;

/** Powers of ten that are exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain decimal (`^-?\d+(\.\d+)?$`), or undefined when the text is not one.
 * Hand-written rather than a regex plus Number(): it runs twice per row of
 * values.csv. Up to 15 digits the digits form an exact integer m and
 * m / 10^k is one correctly rounded division, so the result equals Number(text).
 */
export function plainDecimal(cell: string): number | undefined {
  const n = cell.length;
  const negative = n > 0 && cell.charCodeAt(0) === 45; // '-'
  let mantissa = 0;
  let digits = 0;
  let decimals = -1; // digits after the '.', -1 before one is seen
  for (let i = negative ? 1 : 0; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0 && digits > 0) {
      decimals = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || decimals === 0) return undefined;
  if (digits <= 15) {
    const value = decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa;
    return negative ? -value : value;
  }
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

/** What a bad number should have been; names thousands separators when the text has them. */
export function expectedNumber(cell: string): string {
  return cell.includes(',') || SPACE_BETWEEN_DIGITS.test(cell) ? NO_SEPARATORS : PLAIN_NUMBER;
}

/** A required plain decimal. */
export function decimalCell(cells: string[], i: number, column: string, at: CsvCursor): number {
  const cell = cells[i] as string;
  const value = plainDecimal(cell);
  if (value === undefined) throw at.error(column, expectedNumber(cell), cell);
  return value;
}

/** A plain decimal, or null for an empty cell or an absent column (index -1). */
export function optionalDecimalCell(cells: string[], i: number, column: string, at: CsvCursor): number | null {
  const cell = i < 0 ? '' : (cells[i] as string);
  return cell === '' ? null : decimalCell(cells, i, column, at);
}

/** A non-empty cell, kept: see detach. */
export function requiredCell(cells: string[], i: number, column: string, at: CsvCursor, expected: string): string {
  return detach(nonEmptyCell(cells, i, column, at, expected));
}

/** A non-empty cell, as cut from the text: for a cell that is only compared or looked up. */
export function nonEmptyCell(cells: string[], i: number, column: string, at: CsvCursor, expected: string): string {
  const cell = cells[i] as string;
  if (cell === '') throw at.error(column, expected, cell);
  return cell;
}

/** The cell, or null for an empty cell or an absent column (index -1); kept: see detach. */
export function optionalCell(cells: string[], i: number): string | null {
  const cell = i < 0 ? '' : (cells[i] as string);
  return cell === '' ? null : detach(cell);
}

/** V8 cuts a substring of 13 or more characters as a view into its parent, not a copy. */
const SLICED_MIN = 13;

/**
 * The cell as a string of its own, for cells that are kept. papaparse cuts
 * cells out of the block of text it parses; a long one would keep the whole
 * block (1 MiB) alive, so every kept source_ref would pin its block and,
 * together, the whole file. Prepending a character makes V8 copy it (flatten
 * the concatenation), and slicing that off again points into the small copy.
 */
export function detach(cell: string): string {
  return cell.length < SLICED_MIN ? cell : (' ' + cell).slice(1);
}
