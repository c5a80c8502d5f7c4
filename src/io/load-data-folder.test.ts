import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../engine/types.ts';
import { DataError } from './data-error.ts';
import { loadDataFolder, parseDataFiles } from './load-data-folder.ts';

const SMALL = 'test/fixtures/small';
const scratch = await mkdtemp(join(tmpdir(), 'pandian-io-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

type Edit = (dir: string) => Promise<void>;

/** A copy of the small company with one edit applied. */
async function variant(edit: Edit): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'case-'));
  await cp(SMALL, dir, { recursive: true });
  await edit(dir);
  return dir;
}

/** Replaces text that must occur in the file (so a fixture change cannot silently void a test). */
const replace =
  (file: string, from: string, to: string): Edit =>
  async (dir) => {
    const text = await readFile(join(dir, file), 'utf8');
    if (!text.includes(from)) throw new Error(`fixture ${file} lacks ${JSON.stringify(from)}`);
    await writeFile(join(dir, file), text.replace(from, to));
  };

const write =
  (file: string, content: string | Uint8Array): Edit =>
  (dir) =>
    writeFile(join(dir, file), content);

const GBK_CHINESE = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
const nonUtf8Employees: Edit = async (dir) => {
  const text = await readFile(join(dir, 'employees.csv'), 'utf8');
  const [before, after] = text.split('王芳');
  await writeFile(join(dir, 'employees.csv'), Buffer.concat([Buffer.from(before ?? ''), GBK_CHINESE, Buffer.from(after ?? '')]));
};

const cyclePolicy = (edit: (policy: string) => string): Edit => async (dir) => {
  await writeFile(join(dir, 'policy.2025.json'), edit(await readFile(join(dir, 'policy.json'), 'utf8')));
};

interface Bad {
  name: string;
  edit: Edit;
  file: string;
  line: number | null;
  column: string | null;
  text: string;
}

const bad: Bad[] = [
  { name: 'a missing column', edit: replace('values.csv', 'target,actual', 'target,actuals'), file: 'values.csv', line: 1, column: 'actual', text: 'expected a column "actual" in the header' },
  { name: 'a non-number', edit: replace('values.csv', '98000.5', 'abc'), file: 'values.csv', line: 10, column: 'actual', text: 'expected a plain decimal number such as 1234.5, got "abc"' },
  { name: 'a thousands separator (quoted)', edit: replace('values.csv', '98000.5', '"1,234"'), file: 'values.csv', line: 10, column: 'actual', text: 'expected a plain decimal number such as 1234.5 (no thousands separators), got "1,234"' },
  { name: 'a space as thousands separator', edit: replace('values.csv', '98000.5', '98 000.5'), file: 'values.csv', line: 10, column: 'actual', text: '(no thousands separators), got "98 000.5"' },
  { name: 'an empty actual', edit: replace('values.csv', '98000.5', ''), file: 'values.csv', line: 10, column: 'actual', text: 'expected a number for a quantitative indicator (a plain decimal number such as 1234.5), got an empty cell' },
  { name: 'a target of 0', edit: replace('values.csv', '100000,95000', '0,95000'), file: 'values.csv', line: 2, column: 'target', text: 'expected a target > 0, got "0"' },
  { name: 'a negative target', edit: replace('values.csv', '100000,95000', '-100000,95000'), file: 'values.csv', line: 2, column: 'target', text: 'expected a target > 0, got "-100000"' },
  { name: 'a rating of 0', edit: replace('values.csv', 'E002,attitude,manager,,,3', 'E002,attitude,manager,,,0'), file: 'values.csv', line: 3, column: 'rating', text: 'expected a whole number from 1 to 5, got "0"' },
  { name: 'a rating of ratingMax + 1', edit: replace('values.csv', 'E002,attitude,manager,,,3', 'E002,attitude,manager,,,6'), file: 'values.csv', line: 3, column: 'rating', text: 'expected a whole number from 1 to 5, got "6"' },
  { name: 'a rating of 2.5', edit: replace('values.csv', 'E002,attitude,manager,,,3', 'E002,attitude,manager,,,2.5'), file: 'values.csv', line: 3, column: 'rating', text: 'expected a whole number from 1 to 5, got "2.5"' },
  { name: 'a rating on a quantitative indicator', edit: replace('values.csv', '100000,95000,,', '100000,95000,3,'), file: 'values.csv', line: 2, column: 'rating', text: 'expected empty for a quantitative indicator, got "3"' },
  { name: 'a target on a qualitative indicator', edit: replace('values.csv', 'E002,attitude,manager,,,3', 'E002,attitude,manager,100,,3'), file: 'values.csv', line: 3, column: 'target', text: 'expected empty for a qualitative indicator, got "100"' },
  { name: 'an unknown employee', edit: replace('values.csv', '2025,E003,sales', '2025,E999,sales'), file: 'values.csv', line: 4, column: 'employee_id', text: 'expected an employee id from employees.csv, got "E999"' },
  { name: 'an unknown indicator', edit: replace('values.csv', '2025,E005,defects', '2025,E005,bugs'), file: 'values.csv', line: 6, column: 'indicator_id', text: 'expected an indicator id from policy.json, got "bugs"' },
  { name: 'an unknown source', edit: replace('values.csv', 'E002,sales,self', 'E002,sales,crm'), file: 'values.csv', line: 11, column: 'source', text: 'expected one of system, self, manager, got "crm"' },
  { name: 'a row with too few cells', edit: replace('values.csv', 'E006,attitude,manager,,,3,', 'E006,attitude,manager,,,3'), file: 'values.csv', line: 19, column: null, text: 'expected 8 cells as in the header, got 7' },
  { name: 'an empty line between rows', edit: replace('values.csv', '2026,E001,attitude', '\n2026,E001,attitude'), file: 'values.csv', line: 9, column: null, text: 'expected no empty line between rows' },
  { name: 'an unterminated quote', edit: replace('values.csv', 'JIRA-91', '"JIRA-91'), file: 'values.csv', line: 17, column: null, text: 'expected RFC 4180 quoting' },
  {
    name: 'an error after a quoted cell that spans two lines',
    edit: async (dir) => {
      await replace('values.csv', 'C-2026-001, C-2026-002', 'C-2026-001\nC-2026-002')(dir);
      await replace('values.csv', '98000.5', 'abc')(dir);
    },
    file: 'values.csv', line: 11, column: 'actual', text: 'got "abc"',
  },
  { name: 'weights summing to 95', edit: replace('policy.json', '{ "id": "attitude", "weight": 30 }', '{ "id": "attitude", "weight": 25 }'), file: 'policy.json', line: null, column: 'assignments[0].indicators', text: 'department D-SALES: weights sum to 95, expected 100' },
  { name: 'grade shares summing to 0.9', edit: replace('policy.json', '{ "grade": "B", "share": 0.5 }', '{ "grade": "B", "share": 0.4 }'), file: 'policy.json', line: null, column: 'grading.grades', text: 'grade shares sum to 0.9, expected 1' },
  { name: 'an assignment for an unknown department', edit: replace('policy.json', '"department": "D-RD"', '"department": "D-QA"'), file: 'policy.json', line: null, column: 'assignments[1].department', text: 'expected a department id from departments.csv, got "D-QA"' },
  { name: 'non-UTF-8 bytes (GBK)', edit: nonUtf8Employees, file: 'employees.csv', line: 3, column: null, text: 'expected UTF-8 text (save as "CSV UTF-8"; GBK and other encodings are not read), got the bytes D6 D0 CE C4' },
  { name: 'an empty file', edit: write('values.csv', ''), file: 'values.csv', line: 1, column: null, text: 'expected a header row, got an empty file' },
  { name: 'a file of blank lines', edit: write('departments.csv', '\r\n  \r\n'), file: 'departments.csv', line: 1, column: null, text: 'got an empty file' },
  { name: 'a missing file', edit: (dir) => rm(join(dir, 'employees.csv')), file: 'employees.csv', line: null, column: null, text: 'expected this file in the data folder, but it is missing' },
  { name: 'a salary with a thousands separator', edit: replace('employees.csv', '30000', '"30,000"'), file: 'employees.csv', line: 2, column: 'salary', text: '(no thousands separators), got "30,000"' },
  { name: 'an unknown role', edit: replace('employees.csv', 'hr,15000', 'boss,15000'), file: 'employees.csv', line: 7, column: 'role', text: 'expected one of employee, manager, hr, leader, got "boss"' },
  { name: 'an unknown department of an employee', edit: replace('employees.csv', 'E005,陈静,D-RD', 'E005,陈静,D-QA'), file: 'employees.csv', line: 6, column: 'department_id', text: 'expected a department id from departments.csv, got "D-QA"' },
  { name: 'an unknown manager', edit: replace('employees.csv', 'D-RD,E004,employee', 'D-RD,E404,employee'), file: 'employees.csv', line: 6, column: 'manager_id', text: 'expected an employee id from employees.csv, got "E404"' },
  { name: 'a repeated employee id', edit: replace('employees.csv', 'E006,杨磊', 'E005,杨磊'), file: 'employees.csv', line: 7, column: 'id', text: 'expected a unique employee id, got "E005" again (first on line 6)' },
  { name: 'a managers loop', edit: replace('employees.csv', 'E004,刘洋,D-RD,,', 'E004,刘洋,D-RD,E005,'), file: 'employees.csv', line: 5, column: 'manager_id', text: 'got a loop: E004 -> E005 -> E004' },
  { name: 'a head who is not an employee', edit: replace('departments.csv', ',,E004', ',,E404'), file: 'departments.csv', line: 3, column: 'head_id', text: 'expected an employee id from employees.csv, got "E404"' },
  { name: 'an unknown parent department', edit: replace('departments.csv', 'D-RD,研发部,,', 'D-RD,研发部,D-HQ,'), file: 'departments.csv', line: 3, column: 'parent_id', text: 'expected a department id from departments.csv, got "D-HQ"' },
  { name: 'an attribute of an unknown employee', edit: replace('attributes.csv', 'E003,2026,5', 'E033,2026,5'), file: 'attributes.csv', line: 3, column: 'employee_id', text: 'got "E033"' },
  { name: 'a non-number attribute', edit: replace('attributes.csv', '12.5', 'many'), file: 'attributes.csv', line: 4, column: 'value', text: 'expected a plain decimal number such as 1234.5, got "many"' },
  { name: 'training for an unknown indicator', edit: replace('training.csv', 'defects,', 'bugs,'), file: 'training.csv', line: 3, column: 'indicator_id', text: 'expected an indicator id from the policy, got "bugs"' },
  {
    name: 'a rating beyond the ratingMax of policy.<cycle>.json',
    edit: cyclePolicy((p) => p.replace('"ratingMax": 5', '"ratingMax": 3').replace('[40, 70, 100, 110, 120]', '[60, 100, 120]')),
    file: 'values.csv', line: 5, column: 'rating', text: 'expected a whole number from 1 to 3, got "4"',
  },
  {
    name: 'an indicator missing from policy.<cycle>.json',
    edit: cyclePolicy((p) => p.replace('{ "id": "defects", "weight": 60 }, { "id": "attitude", "weight": 40 }', '{ "id": "attitude", "weight": 100 }').replace(/\{ "id": "defects"[^}]*\},/, '')),
    file: 'values.csv', line: 6, column: 'indicator_id', text: 'expected an indicator id from policy.2025.json, got "defects"',
  },
  { name: 'a bad policy.<cycle>.json', edit: cyclePolicy((p) => p.replace('"share": 0.5', '"share": 0.6')), file: 'policy.2025.json', line: null, column: 'grading.grades', text: 'grade shares sum to 1.1, expected 1' },
];

describe('loadDataFolder rejects bad input with file, line and column', () => {
  it.each(bad)('$name', async ({ edit, file, line, column, text }) => {
    const dir = await variant(edit);
    let loaded: Dataset | undefined;
    let error: unknown;
    try {
      loaded = await loadDataFolder(dir);
    } catch (e) {
      error = e;
    }
    expect(loaded).toBeUndefined();
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect({ code: e.code, file: e.file, line: e.line, column: e.column }).toEqual({ code: 'BAD_INPUT', file, line, column });
    expect(e.message).toContain(text);
    expect(e.toJSON()).toEqual({ code: 'BAD_INPUT', message: e.message, file, line, column });
  });
});

describe('loadDataFolder reads a good folder', () => {
  it('reads the small company', async () => {
    const data = await loadDataFolder(SMALL);
    expect(data.departments.map((d) => d.id)).toEqual(['D-SALES', 'D-RD']);
    expect(data.employees.map((e) => e.name)).toEqual(['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊']);
    expect(data.employees[1]).toEqual({ id: 'E002', name: '王芳', departmentId: 'D-SALES', managerId: 'E001', role: 'employee', salary: 18000.5, slackUserId: 'U0002', larkOpenId: null });
    expect(data.values).toHaveLength(18);
    expect([...data.values][6]).toEqual({ cycle: '2026', employeeId: 'E001', indicatorId: 'sales', source: 'system', target: 500000, actual: 520000, rating: null, sourceRef: 'C-2026-001, C-2026-002' });
    expect([...data.values][1]).toEqual({ cycle: '2025', employeeId: 'E002', indicatorId: 'attitude', source: 'manager', target: null, actual: null, rating: 3, sourceRef: null });
    expect(data.attributes).toContainEqual({ cycle: '2026', employeeId: 'E003', attribute: 'customer_contacts_per_month', value: 12.5 });
    expect({ ...data.training }).toEqual({ sales: '大客户销售技巧', defects: '代码评审与单元测试', attitude: '沟通与协作 ("团队" 工作坊)' });
    expect({ ...data.cyclePolicies }).toEqual({});
  });

  it('accepts a UTF-8 BOM and still recognises the first column', async () => {
    const bom = (file: string): Edit => async (dir) => {
      const text = await readFile(join(dir, file), 'utf8');
      await writeFile(join(dir, file), `\uFEFF${text}`);
    };
    const dir = await variant(async (d) => {
      for (const file of ['employees.csv', 'values.csv', 'departments.csv', 'policy.json']) await bom(file)(d);
    });
    const data = await loadDataFolder(dir);
    expect(data.employees[0]?.id).toBe('E001');
    expect([...data.values][0]?.cycle).toBe('2025');
  });

  it('uses policy.<cycle>.json for the rows of its cycle only', async () => {
    const dir = await variant(cyclePolicy((p) => p.replace('"2026 年度考核"', '"2025 年度考核"').replace('"ratingMax": 5', '"ratingMax": 4').replace('[40, 70, 100, 110, 120]', '[40, 80, 110, 120]')));
    const data = await loadDataFolder(dir);
    expect(data.cyclePolicies['2025']?.name).toBe('2025 年度考核');
    expect(data.cyclePolicies['2025']?.ratingMax).toBe(4);
    expect(data.policy.ratingMax).toBe(5);
    // a rating of 5 is still fine in 2026, under policy.json
    expect([...data.values].find((v) => v.cycle === '2026' && v.rating === 5)).toBeDefined();
  });

  it('skips trailing empty lines, and reads a header-only values.csv as no rows', async () => {
    const trailing = await variant(async (dir) => {
      const text = await readFile(join(dir, 'values.csv'), 'utf8');
      await writeFile(join(dir, 'values.csv'), `${text}\n,,,,,,,\n\n`);
    });
    expect((await loadDataFolder(trailing)).values).toHaveLength(18);
    const headerOnly = await variant(write('values.csv', 'cycle,employee_id,indicator_id,source,target,actual,rating\r\n'));
    expect([...(await loadDataFolder(headerOnly)).values]).toEqual([]);
  });

  it('parses in-memory files the same as the folder', async () => {
    const names = ['policy.json', 'departments.csv', 'employees.csv', 'values.csv', 'attributes.csv', 'training.csv'];
    const files: Record<string, Uint8Array> = {};
    for (const name of names) files[name] = new Uint8Array(await readFile(join(SMALL, name)));
    expect(parseDataFiles(files)).toEqual(await loadDataFolder(SMALL));
  });

  it('names a folder that does not exist', async () => {
    await expect(loadDataFolder(join(scratch, 'nowhere'))).rejects.toMatchObject({ code: 'BAD_INPUT', line: null, column: null });
  });
});
