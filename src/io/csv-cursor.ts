// Where the CSV record being visited starts, as the line an error names.
import { DataError } from './data-error.ts';

/** Where the record being visited starts. One instance per file, updated per row: read it inside the callback. */
export class CsvCursor {
  private text = '';
  /** Offset in the current piece where the current record starts. */
  private start = 0;
  /** Lines ended before the current piece. */
  private linesDone = 0;
  private countedTo = 0;
  private countedLines = 0;
  /** The line of the current record when it is known outright (lines split without papaparse); 0 otherwise. */
  private knownLine = 0;
  private readonly mark: string;

  constructor(
    readonly file: string,
    private readonly newline: string,
  ) {
    this.mark = newline === '\r' ? '\r' : '\n';
  }

  /** 1-based physical line of the record's first character (counts newlines inside quoted cells). */
  line(): number {
    if (this.knownLine > 0) return this.knownLine;
    const start = this.start;
    // Counted on from the last answer, so asking on every row stays linear overall.
    if (start < this.countedTo) {
      this.countedTo = 0;
      this.countedLines = 0;
    }
    this.countedLines += this.marks(this.countedTo, start);
    this.countedTo = start;
    return this.linesDone + this.countedLines + 1;
  }

  /** An error about one cell of the current record. */
  error(column: string | null, expected: string, got?: string, detail?: string): DataError {
    return this.errorAt(this.line(), column, expected, got, detail);
  }

  errorAt(line: number, column: string | null, expected: string, got?: string, detail?: string): DataError {
    return new DataError({ file: this.file, line, column, expected, got, detail });
  }

  /** Starts on a new piece of text. */
  reset(text: string): void {
    this.knownLine = 0;
    this.text = text;
    this.start = 0;
    this.countedTo = 0;
    this.countedLines = 0;
  }

  /** For a piece split into lines, one record per line: the current record is line `k` (0-based) of the piece. */
  setLineInPiece(k: number): void {
    this.knownLine = this.linesDone + k + 1;
  }

  /** Moves past `lines` whole lines of a piece split into lines. */
  consumeLines(lines: number): void {
    this.linesDone += lines;
    this.knownLine = 0;
  }

  /** The current record starts at this offset of the piece. */
  setStart(start: number): void {
    this.start = start;
  }

  /**
   * Moves past the first `consumed` characters of the piece, which held
   * `records` whole records. Without a quote (so no newline inside a cell) and
   * with LF or CR line ends, each record ended exactly one line.
   */
  consume(consumed: number, records: number): void {
    const quote = this.text.indexOf('"');
    if (this.countedTo === 0 && this.newline !== '\r\n' && (quote < 0 || quote >= consumed)) {
      this.linesDone += records;
    } else {
      this.linesDone += this.countedLines + this.marks(this.countedTo, consumed);
    }
  }

  private marks(from: number, to: number): number {
    let n = 0;
    for (let i = this.text.indexOf(this.mark, from); i !== -1 && i < to; i = this.text.indexOf(this.mark, i + 1)) n++;
    return n;
  }
}
