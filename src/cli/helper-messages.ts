// What the CLI's two threads say to each other (helper.ts on the main
// thread, helper-thread.ts on the other): a module of its own, so the
// thread's bundle holds only what the thread runs.
import type { PackedEmployees } from '../engine/packed-results.ts';
import type { RawValues } from '../io/values-scan.ts';

export type HelperRequest = {
  kind: 'employees';
  fd: number;
  /** Written before the employees: the JSON document up to its employees' `[`. */
  head: string;
  employees: PackedEmployees;
};

export type HelperReply =
  | { kind: 'values'; values: PackedValues | null }
  | { kind: 'written' }
  | { kind: 'failed'; message: string };

/** RawValues as posted: the many short texts joined into one string each, much cheaper to copy between threads than 400,000 strings. */
export interface PackedValues {
  raw: Omit<RawValues, 'employees' | 'refs'>;
  employees: Joined;
  refs: Joined;
}

/** Texts that hold no LF (cells of a line) joined by LF, and how many there are ([] and [''] join alike). */
interface Joined {
  text: string;
  count: number;
}

const joinTexts = (texts: string[]): Joined => ({ text: texts.join('\n'), count: texts.length });

export const splitTexts = ({ text, count }: Joined): string[] => (count === 0 ? [] : text.split('\n'));

export function packValues({ employees, refs, ...raw }: RawValues): PackedValues {
  return { raw, employees: joinTexts(employees), refs: joinTexts(refs) };
}
