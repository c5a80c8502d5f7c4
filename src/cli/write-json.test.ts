import { describe, expect, it } from 'vitest';
import { diagnose } from '../engine/diagnose.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { jsonHead, writeJson, writeJsonTail } from './write-json.ts';

const diagnosis = diagnose(await loadDataFolder('examples/demo'));

describe('writeJson', () => {
  it('writes what JSON.stringify writes, as text or as bytes, the buffer reused or not', () => {
    const want = JSON.stringify(diagnosis) + '\n';
    let text = '';
    writeJson(diagnosis, (t) => void (text += t));
    expect(text).toBe(want);
    for (const reuse of [true, false]) {
      const chunks: Buffer[] = [];
      writeJson(diagnosis, () => {}, (b) => (chunks.push(Buffer.from(b)), reuse));
      expect(Buffer.concat(chunks).toString('utf8')).toBe(want);
    }
  });

  it('splits around the items of one array: head, items written elsewhere, tail', () => {
    const items = diagnosis.employees.map((e) => JSON.stringify(e)).join(',');
    let tail = '';
    writeJsonTail(diagnosis, 'employees', (t) => void (tail += t));
    expect(jsonHead({ cycle: diagnosis.cycle, employees: [] }, 'employees')).toBe(`{"cycle":${JSON.stringify(diagnosis.cycle)},"employees":[`);
    expect(jsonHead(diagnosis, 'employees') + items + tail).toBe(JSON.stringify(diagnosis) + '\n');
  });
});
