// The multipart reader against bodies as real clients write them: the
// platform's own FormData serialised by a Request (undici here, as curl and
// browsers write it), and bodies written by hand for what they leave out.
import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartError, parseMultipart } from './multipart.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

/** A FormData as a Request body: its bytes and content type. */
async function encoded(form: FormData): Promise<{ body: Uint8Array; type: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

describe('boundaryOf', () => {
  it('takes the boundary, quoted or not, of multipart/form-data only', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc123')).toBe('----abc123');
    expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    expect(boundaryOf('multipart/mixed; boundary=abc')).toBeNull();
    expect(boundaryOf('application/json')).toBeNull();
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });
});

describe('parseMultipart', () => {
  it('reads what a FormData serialises: files byte for byte, names, file names, a plain field', async () => {
    const csv = 'cycle,employee_id\r\n2026,E1\n"引号",\u00e9\n';
    const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256); // CR, LF and dashes among them
    const form = new FormData();
    form.append('values.csv', new Blob([csv], { type: 'text/csv' }), 'values.csv');
    form.append('upload', new Blob([binary]), '员工 "名单".csv');
    form.append('note', 'plain text');
    form.append('empty.csv', new Blob([]), 'empty.csv');
    const { body, type } = await encoded(form);
    const parts = parseMultipart(body, boundaryOf(type)!);
    expect(parts.map((p) => [p.name, p.filename])).toEqual([
      ['values.csv', 'values.csv'],
      // The HTML form encoding (as undici and browsers send it) writes " as %22.
      ['upload', '员工 %22名单%22.csv'],
      ['note', null],
      ['empty.csv', 'empty.csv'],
    ]);
    expect(text(parts[0]!.body)).toBe(csv);
    expect([...parts[1]!.body]).toEqual([...binary]);
    expect(text(parts[2]!.body)).toBe('plain text');
    expect(parts[3]!.body.length).toBe(0);
  });

  it('ignores a preamble, transport padding and an epilogue; reads quoted and RFC 5987 names', () => {
    const body = bytes(
      'preamble\r\n--XyZ  \r\n' +
        'Content-Disposition: form-data; name="a\\"b"; filename*=UTF-8\'\'%E5%91%98%E5%B7%A5.csv\r\nContent-Type: text/csv\r\n\r\n' +
        'x,y\r\n1,2\r\n--XyZ\r\n' +
        'content-disposition: form-data; name=plain\r\n\r\nv\r\n--XyZ--\r\nepilogue',
    );
    const parts = parseMultipart(body, 'XyZ');
    expect(parts.map((p) => ({ name: p.name, filename: p.filename, body: text(p.body) }))).toEqual([
      { name: 'a"b', filename: '员工.csv', body: 'x,y\r\n1,2' },
      { name: 'plain', filename: null, body: 'v' },
    ]);
  });

  it.each([
    ['no opening boundary', 'hello', 'no opening boundary'],
    ['no blank line after the headers', '--B\r\nContent-Disposition: form-data; name="a"\r\nx', 'blank line'],
    ['no closing boundary', '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc', 'closing boundary'],
    ['a part without a name', '--B\r\nContent-Disposition: form-data; filename="a.csv"\r\n\r\nabc\r\n--B--', 'name'],
    ['a part that is not form-data', '--B\r\nContent-Disposition: attachment; name="a"\r\n\r\nabc\r\n--B--', 'form-data'],
    ['no line break after a boundary', '--Bjunk\r\n\r\n--B--', 'line break'],
  ])('refuses %s', (_, body, words) => {
    expect(() => parseMultipart(bytes(body), 'B')).toThrow(MultipartError);
    expect(() => parseMultipart(bytes(body), 'B')).toThrow(words);
  });

  it('finds the boundary only at a line start: the same text inside a file is data', () => {
    const body = bytes('--B\r\nContent-Disposition: form-data; name="f"; filename="f.csv"\r\n\r\na--B\nb\r\n--Bc\r\n--B--\r\n');
    const [part] = parseMultipart(body, 'B');
    expect(text(part!.body)).toBe('a--B\nb\r\n--Bc');
  });
});
