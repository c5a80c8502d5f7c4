// A data folder (FORMATS.md) into the engine's Dataset. Any bad input throws
// one DataError naming the file, line and column; nothing is returned then,
// so an import is all or nothing.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset, Policy } from '../engine/types.ts';
import { readAllBytes, type ByteSource } from './byte-source.ts';
import { DataError } from './data-error.ts';
import { parsePolicy } from './policy-schema.ts';
import { readAttributes, readTraining } from './read-extras.ts';
import { readOrganisation } from './read-organisation.ts';
import { readValues } from './read-values.ts';

const FIXED_FILES = ['policy.json', 'departments.csv', 'employees.csv', 'values.csv', 'attributes.csv', 'training.csv'];
const CYCLE_POLICY = /^policy\.(.+)\.json$/;

/**
 * Reads the files of FORMATS.md from `dir` (others are ignored) and parses
 * them. The CSV files are read block by block while parsing, not loaded whole.
 */
export async function loadDataFolder(dir: string): Promise<Dataset> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new DataError({ file: dir, expected: 'a data folder', detail: 'expected a data folder, but there is none' });
    }
    throw e;
  }
  const files: Record<string, ByteSource> = {};
  for (const name of names) {
    if (FIXED_FILES.includes(name) || CYCLE_POLICY.test(name)) files[name] = { path: join(dir, name) };
  }
  return parseDataFiles(files);
}

/**
 * The same from files named as in a data folder (`policy.json`,
 * `policy.<cycle>.json`, `departments.csv`, `employees.csv`, `values.csv`,
 * optional `attributes.csv` and `training.csv`), in memory or on disk; other
 * names are ignored.
 */
export function parseDataFiles(files: Record<string, ByteSource>): Dataset {
  const file = (name: string): ByteSource => {
    const bytes = Object.hasOwn(files, name) ? files[name] : undefined;
    if (bytes === undefined) {
      throw new DataError({ file: name, expected: 'the file in the data folder', detail: 'expected this file in the data folder, but it is missing' });
    }
    return bytes;
  };
  const optional = (name: string): ByteSource | undefined => (Object.hasOwn(files, name) ? files[name] : undefined);

  const policy = parsePolicy('policy.json', readAllBytes(file('policy.json')));
  const cyclePolicies: Record<string, Policy> = Object.create(null) as Record<string, Policy>;
  const policyFiles: [string, Policy][] = [['policy.json', policy]];
  for (const name of Object.keys(files).sort()) {
    const cycle = CYCLE_POLICY.exec(name)?.[1];
    if (cycle === undefined) continue;
    const own = parsePolicy(name, readAllBytes(file(name)));
    cyclePolicies[cycle] = own;
    policyFiles.push([name, own]);
  }

  const org = readOrganisation(file('departments.csv'), file('employees.csv'));
  for (const [name, p] of policyFiles) {
    p.assignments.forEach((a, i) => {
      if (a.department !== undefined && !org.departmentById.has(a.department)) {
        throw new DataError({ file: name, column: `assignments[${i}].department`, expected: 'a department id from departments.csv', detail: `expected a department id from departments.csv, got "${a.department}"` });
      }
    });
  }

  const values = readValues(file('values.csv'), { policy, cyclePolicies, employeeById: org.employeeById });
  const attributesCsv = optional('attributes.csv');
  const trainingCsv = optional('training.csv');
  const indicatorIds = new Set(policyFiles.flatMap(([, p]) => p.indicators.map((x) => x.id)));
  return {
    policy,
    cyclePolicies,
    departments: org.departments,
    employees: org.employees,
    values,
    attributes: attributesCsv ? readAttributes(attributesCsv, org.employeeById) : [],
    training: trainingCsv ? readTraining(trainingCsv, indicatorIds) : (Object.create(null) as Record<string, string>),
  };
}
