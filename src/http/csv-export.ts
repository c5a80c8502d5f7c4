/**
 * One CSV cell, RFC 4180 quoted when needed. Text that a spreadsheet would run as
 * a formula (starting with = + - @, tab or carriage return) is prefixed with a
 * single quote, as OWASP advises against CSV injection.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | number | boolean | null)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
