/**
 * Writes one JSON document, array by array, in chunks of about 1 MB, so a
 * 100,000-employee diagnosis never exists as a single giant string.
 * The output is byte-for-byte what JSON.stringify(value) would give.
 */
export function writeJson(value: object, write: (chunk: string) => void): void {
  const CHUNK = 1 << 20;
  let buffer = '{';
  let firstKey = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    buffer += (firstKey ? '' : ',') + JSON.stringify(key) + ':';
    firstKey = false;
    if (Array.isArray(v)) {
      buffer += '[';
      for (let i = 0; i < v.length; i++) {
        buffer += (i === 0 ? '' : ',') + (JSON.stringify(v[i]) ?? 'null');
        if (buffer.length > CHUNK) {
          write(buffer);
          buffer = '';
        }
      }
      buffer += ']';
    } else {
      buffer += JSON.stringify(v);
    }
  }
  write(buffer + '}\n');
}
