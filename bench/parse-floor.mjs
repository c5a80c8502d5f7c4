// The floor for `diagnose`: reading and parsing values.csv with papaparse the
// way the loader does (src/io/utf8.ts, src/io/csv.ts), building nothing:
// blocks of 1 MiB cut at a character boundary and decoded as UTF-8 (fatal),
// papaparse's core parser with its quote-aware mode on, one record at a time,
// the unfinished last record of a block decoded again with the next one.
//   node bench/parse-floor.mjs FILE [--whole]
// --whole: the loader before issue 2's work, the whole file decoded to one
// string and given to Papa.parse (same config), for comparison.
// Prints {"rows","ms","maxRssMb"}: data rows (not the header, not empty
// lines); ms counts from before the file is opened.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/parse-floor.mjs FILE [--whole]\n');
  process.exit(2);
}
const whole = process.argv.includes('--whole');
const config = { delimiter: ',', newline: '\n', fastMode: false };
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BLOCK = 1 << 20;

const t0 = performance.now();
let rows = -1; // the header is a record too
const count = (cells) => {
  if (cells.length > 1 || cells[0] !== '') rows++;
};
if (whole) {
  const text = decoder.decode(readFileSync(file));
  Papa.parse(text, { ...config, step: (r) => count(r.data) });
} else {
  const fd = openSync(file, 'r');
  let buffer = new Uint8Array(BLOCK);
  let decodedTo = 0;
  let next = 0;
  const parser = new Papa.Parser({
    ...config,
    step: (r) => {
      count(r.data[0]);
      next = r.meta.cursor;
    },
  });
  let keep = '';
  for (;;) {
    const keepBytes = Buffer.byteLength(keep, 'utf8');
    const position = decodedTo - keepBytes;
    if (buffer.length < 2 * keepBytes) buffer = new Uint8Array(2 * keepBytes);
    let total = 0;
    for (let n; total < buffer.length && (n = readSync(fd, buffer, total, buffer.length - total, position + total)) > 0; ) total += n;
    const atEnd = total < buffer.length;
    let cut = total;
    if (!atEnd) {
      let i = total - 1;
      while (i > 0 && (buffer[i] & 0xc0) === 0x80) i--;
      if (i > 0) cut = i;
    }
    const text = decoder.decode(buffer.subarray(0, cut));
    decodedTo = position + cut;
    next = 0;
    parser.parse(text, 0, !atEnd);
    if (atEnd) break;
    keep = text.slice(next);
  }
  closeSync(fd);
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ rows, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
