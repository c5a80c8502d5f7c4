// The fast readers (byte-csv.ts: values-scan.ts with read-values.ts
// bindValues, attributes-scan.ts with read-extras.ts bindAttributes,
// employees-scan.ts) against the careful ones (readValues, readAttributes,
// readOrganisation without validUtf8): the same rows, or no answer at all
// (null), never a different one.
import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../bench/generate-company.ts';
import { scanAttributes } from './attributes-scan.ts';
import { DataError } from './data-error.ts';
import { scanEmployees } from './employees-scan.ts';
import { bindAttributes, readAttributes } from './read-extras.ts';
import { readOrganisation } from './read-organisation.ts';
import { bindValues, readValues, type ValuesContext } from './read-values.ts';
import { parsePolicy } from './policy-schema.ts';
import { isUtf8 } from 'node:buffer';
import { fastestIsUtf8, isUtf8Bytes } from './utf8.ts';
import { scanValues } from './values-scan.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
// 3,200 employees: values.csv of ~4.4 MB, more than one block of the scan (4 MiB).
const files = generateCompany(3200);
const org = readOrganisation(bytes(files['departments.csv']!), bytes(files['employees.csv']!));
const ctx: ValuesContext = { policy: parsePolicy('policy.json', bytes(files['policy.json']!)), cyclePolicies: {}, employeeById: org.employeeById };

function fastValues(text: string) {
  const raw = scanValues(bytes(text), isUtf8Bytes);
  return raw === null ? null : bindValues(raw, ctx);
}

describe('values.csv scanned', () => {
  it('gives the rows the careful reader gives, across blocks', () => {
    const text = files['values.csv']!;
    expect(text.length).toBeGreaterThan(4 << 20);
    const table = fastValues(text)!;
    const careful = readValues(bytes(text), ctx);
    expect(table.length).toBe(careful.length);
    expect([...table]).toEqual([...careful]);
    expect([0, 1, 2].map((c) => table.cycleText(c))).toEqual([0, 1, 2].map((c) => careful.cycleText(c)));
  });

  it('reads columns in any order, a BOM, extra columns, no source_ref, no last LF and trailing empty lines', () => {
    const text = '\ufeffextra,rating,actual,target,source,indicator_id,employee_id,cycle\nx,,95.5,100,system,i01,E000001,2026\ny,4,,,manager,i11,E000002,2026\n\n,,,,,,,\n';
    expect([...fastValues(text)!]).toEqual([...readValues(bytes(text), ctx)]);
    expect([...fastValues(text.trimEnd())!]).toEqual([...readValues(bytes(text), ctx)]);
  });

  const base = 'cycle,employee_id,indicator_id,source,target,actual,rating,source_ref\n2026,E000001,i01,system,100,95.5,,R-1\n';
  it.each([
    ['a quote', base + '2026,E000001,i02,system,100,"9",,\n'],
    ['a CR', base.replace(/\n/g, '\r\n')],
    ['a bad number', base + '2026,E000001,i02,system,100,9.,,\n'],
    ['a row too short', base + '2026,E000001,i02,system,100,9,\n'],
    ['an empty line between rows', base + '\n2026,E000001,i02,system,100,9,,\n'],
    ['an unknown source', base + '2026,E000001,i02,crm,100,9,,\n'],
    ['a rating beside a target', base + '2026,E000001,i02,system,100,9,3,\n'],
    ['an unknown employee', base + '2026,E999999,i02,system,100,9,,\n'],
    ['a rating out of range', base + '2026,E000001,i11,manager,,,9,\n'],
    ['a missing column', base.replace('rating,', '')],
    ['two BOMs', '\ufeff\ufeff' + base],
    ['bytes that are not UTF-8', base + '2026,E000001,i02,system,100,9,,\xff\n'],
  ])('leaves %s to the careful reader', (_, text) => {
    const input = text.includes('\xff') ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : bytes(text);
    const raw = scanValues(input, isUtf8Bytes);
    expect(raw === null ? null : bindValues(raw, ctx)).toBeNull();
  });
});

describe('attributes.csv scanned', () => {
  it('gives the rows the careful reader gives', () => {
    const text = bytes(files['attributes.csv']!);
    expect(bindAttributes(scanAttributes(text, isUtf8Bytes)!, org.employeeById)).toEqual(readAttributes(text, org.employeeById));
  });

  it.each([
    ['an unknown employee', 'cycle,employee_id,attribute,value\n2026,E999999,x,1\n'],
    ['a repeated row', 'cycle,employee_id,attribute,value\n2026,E000001,x,1\n2026,E000001,x,2\n'],
    ['an empty attribute', 'cycle,employee_id,attribute,value\n2026,E000001,,1\n'],
    ['a bad value', 'cycle,employee_id,attribute,value\n2026,E000001,x,1e3\n'],
  ])('leaves %s to the careful reader', (_, text) => {
    const raw = scanAttributes(bytes(text), isUtf8Bytes);
    expect(raw === null ? null : bindAttributes(raw, org.employeeById)).toBeNull();
  });
});

describe('employees.csv scanned', () => {
  const departments = bytes(files['departments.csv']!);
  const oneDepartment = bytes('id,name\nD-L00001,销售部\n');
  it('gives the people the careful reader gives, names in Chinese included', () => {
    const text = bytes(files['employees.csv']!);
    const fast = readOrganisation(departments, text, isUtf8Bytes);
    expect(fast.employees).toHaveLength(3200);
    expect(fast.employees).toEqual(org.employees);
    const demo = 'id,name,department_id,manager_id,role,salary,slack_user_id,lark_open_id\nE1,张伟,D-L00001,,manager,32000.5,U1,\nE2,李娜,D-L00001,E1,employee,,,ou_2\n';
    expect(scanEmployees(bytes(demo), isUtf8Bytes)).toEqual(readOrganisation(oneDepartment, bytes(demo)).employees);
    expect(scanEmployees(bytes(demo), isUtf8Bytes)![0]).toEqual({
      id: 'E1', name: '张伟', departmentId: 'D-L00001', managerId: null, role: 'manager', salary: 32000.5, slackUserId: 'U1', larkOpenId: null,
    });
  });

  it('reads a file without the optional columns', () => {
    const text = 'role,id,department_id,name\nhr,E1,D-L00001,王芳\n';
    expect(scanEmployees(bytes(text), isUtf8Bytes)).toEqual([
      { id: 'E1', name: '王芳', departmentId: 'D-L00001', managerId: null, role: 'hr', salary: null, slackUserId: null, larkOpenId: null },
    ]);
  });

  const base = 'id,name,department_id,manager_id,role,salary\nE1,张伟,D-L00001,,manager,100\n';
  it.each([
    ['a repeated id', base + 'E1,李娜,D-L00001,,employee,\n'],
    ['an empty name', base + 'E2,,D-L00001,,employee,\n'],
    ['an empty department', base + 'E2,李娜,,,employee,\n'],
    ['an unknown role', base + 'E2,李娜,D-L00001,,boss,\n'],
    ['a salary with a thousands separator', base + 'E2,李娜,D-L00001,,employee,1 000\n'],
    ['a negative salary', base + 'E2,李娜,D-L00001,,employee,-1\n'],
    ['a manager who is the person', base + 'E2,李娜,D-L00001,E2,employee,\n'],
    ['a missing column', base.replace(',role', '')],
    ['a quote', base + 'E2,"李娜",D-L00001,,employee,\n'],
  ])('leaves %s to the careful reader', (_, text) => {
    expect(scanEmployees(bytes(text), isUtf8Bytes)).toBeNull();
  });

  it('names the line of a person whose department or manager is unknown, as the careful reader does', () => {
    const text = bytes(base + 'E2,李娜,D-L00001,E1,employee,\nE3,王芳,D-NOPE,E1,employee,\n');
    expect(scanEmployees(text, isUtf8Bytes)).not.toBeNull();
    const caught = (run: () => unknown): DataError => {
      try {
        run();
      } catch (e) {
        return e as DataError;
      }
      throw new Error('expected a DataError');
    };
    const fast = caught(() => readOrganisation(oneDepartment, text, isUtf8Bytes));
    expect(fast).toBeInstanceOf(DataError);
    expect(fast.message).toBe(caught(() => readOrganisation(oneDepartment, text)).message);
    expect(fast.message).toContain('employees.csv');
    expect(fast.message).toContain('line 4'); // the header is line 1
    expect(fast.message).toContain('D-NOPE');
  });
});

describe('fastestIsUtf8', () => {
  it("is node:buffer's isUtf8 on Node, and agrees with the portable check on good and bad bytes", () => {
    expect(fastestIsUtf8).toBe(isUtf8);
    const samples: [string, number[]][] = [
      ['ASCII and Chinese', [...new TextEncoder().encode('cycle,销售额\n')]],
      ['a four-byte character', [0xf0, 0x9f, 0x98, 0x80]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
      ['a character cut short', [0xe9, 0x94]],
      ['a stray continuation byte', [0x41, 0x80]],
      ['GBK bytes', [0xcf, 0xfa, 0xca, 0xdb]],
      ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ];
    const verdicts = samples.map(([name, b]) => [name, fastestIsUtf8(Uint8Array.from(b)), isUtf8Bytes(Uint8Array.from(b))]);
    expect(verdicts.map(([, fast, portable]) => fast === portable)).toEqual(samples.map(() => true));
    expect(verdicts.filter(([, fast]) => fast).map(([name]) => name)).toEqual(['ASCII and Chinese', 'a four-byte character']);
  });
});
