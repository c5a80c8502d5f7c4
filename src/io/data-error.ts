// The one error of a data import: it names the file, the line and the column
// (or, in a JSON file, the path), so an HR person can open the file and fix it.

export interface DataErrorInit {
  file: string;
  /** 1-based line where the CSV record starts; null for JSON paths and whole-file problems. */
  line?: number | null;
  /** CSV column name, or a JSON path such as `assignments[0].indicators`. */
  column?: string | null;
  /** What the value should have been, e.g. `a target > 0`. */
  expected: string;
  /** The offending text; `''` reads "an empty cell". Omitted when there is nothing to show. */
  got?: string;
  /** Replaces the `expected ..., got ...` sentence when that reads badly. */
  detail?: string;
}

export class DataError extends Error {
  readonly code = 'BAD_INPUT' as const;
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly expected: string;

  constructor(init: DataErrorInit) {
    super(formatMessage(init));
    this.name = 'DataError';
    this.file = init.file;
    this.line = init.line ?? null;
    this.column = init.column ?? null;
    this.expected = init.expected;
  }

  toJSON(): { code: 'BAD_INPUT'; message: string; file: string; line: number | null; column: string | null } {
    return { code: this.code, message: this.message, file: this.file, line: this.line, column: this.column };
  }
}

/** `values.csv line 12, column "actual": expected ..., got "1,234.5"`; JSON: `policy.json at grading.grades: ...`. */
function formatMessage(init: DataErrorInit): string {
  let where = init.file;
  if (init.line != null) where += ` line ${init.line}`;
  if (init.column != null) where += init.file.endsWith('.json') ? ` at ${init.column}` : `, column "${init.column}"`;
  return `${where}: ${init.detail ?? describeExpectation(init.expected, init.got)}`;
}

function describeExpectation(expected: string, got: string | undefined): string {
  if (got === undefined) return `expected ${expected}`;
  return `expected ${expected}, got ${got === '' ? 'an empty cell' : JSON.stringify(clip(got))}`;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
