// A data folder (FORMATS.md) into the engine's Dataset, the policy files
// read by a parser of the caller's: load-data-folder.ts gives zod's
// (policy-schema.ts), the CLI a faster one that loads zod only when it must
// (policy-fast.ts), zod being ~80 ms of start-up. Any bad input throws one
// DataError naming the file, line and column; nothing is returned then, so
// an import is all or nothing.
import type { AttributeRow, Dataset, Policy } from '../engine/types.ts';
import type { ValueTable } from '../engine/value-table.ts';
import { readAllBytes, type ByteSource, type FileRef } from './byte-source.ts';
import { DataError } from './data-error.ts';
import { scanAttributes } from './attributes-scan.ts';
import { bindAttributes, readAttributes, readTraining } from './read-extras.ts';
import { readOrganisation, type Organisation } from './read-organisation.ts';
import { bindValues, readValues } from './read-values.ts';
import { fastestIsUtf8 } from './utf8.ts';
import { scanValues, type RawValues } from './values-scan.ts';

const FIXED_FILES = ['policy.json', 'departments.csv', 'employees.csv', 'values.csv', 'attributes.csv', 'training.csv'];
const CYCLE_POLICY = /^policy\.(.+)\.json$/;

/** Reads one policy file into the engine's Policy; throws DataError. */
export type PolicyParser = (file: string, bytes: Uint8Array) => Policy;

export interface LoadOptions {
  /**
   * values.csv scanned elsewhere (on a worker thread), started before the
   * other files are read; null from the scan when the file needs the careful
   * reader. Without it the file is scanned in line.
   */
  scanValues?: (file: FileRef) => Promise<RawValues | null> | null;
}

export interface FolderOptions extends LoadOptions {
  /** The parser of the folder's policy files, given them (policy.json first, then policy.<cycle>.json by name). */
  policyParser: (policies: [string, ByteSource][]) => PolicyParser | Promise<PolicyParser>;
}

/** Whether a folder's file is one of FORMATS.md's (others are ignored). */
export function isDataFile(name: string): boolean {
  return FIXED_FILES.includes(name) || CYCLE_POLICY.test(name);
}

/**
 * Parses the files of a data folder on disk (read-folder.ts lists them). The
 * CSV files are read block by block while parsing, not loaded whole.
 */
export async function loadFiles(files: Record<string, FileRef>, options: FolderOptions): Promise<Dataset> {
  const parsePolicy = await options.policyParser(policyFiles(files));
  const values = Object.hasOwn(files, 'values.csv') ? files['values.csv'] : undefined;
  const scan = values !== undefined && options.scanValues ? options.scanValues(values) : null;
  if (scan === null) return parseFiles(files, parsePolicy);
  // The other files are read meanwhile; an error in values.csv still comes
  // before one in attributes.csv or training.csv, as it would in order.
  const head = parseHead(files, parsePolicy);
  let extras: Extras | undefined;
  let extrasError: unknown;
  try {
    extras = parseExtras(files, head);
  } catch (e) {
    extrasError = e;
  }
  const table = valuesOf(files, head, await scan);
  if (extras === undefined) throw extrasError;
  return dataset(head, table, extras);
}

/** The policy files present, in the order they are read. */
function policyFiles(files: Record<string, ByteSource>): [string, ByteSource][] {
  const names = Object.keys(files).filter((name) => CYCLE_POLICY.test(name)).sort();
  if (Object.hasOwn(files, 'policy.json')) names.unshift('policy.json');
  return names.map((name) => [name, files[name]!]);
}

/** loadFolder from files named as in a data folder, in memory or on disk (load-data-folder.ts parseDataFiles). */
export function parseFiles(files: Record<string, ByteSource>, parsePolicy: PolicyParser): Dataset {
  const head = parseHead(files, parsePolicy);
  const values = Object.hasOwn(files, 'values.csv') ? files['values.csv'] : undefined;
  const table = valuesOf(files, head, values === undefined ? null : scanValues(values, fastestIsUtf8));
  return dataset(head, table, parseExtras(files, head));
}

/** The policies and the organisation, checked against each other. */
interface Head {
  policy: Policy;
  cyclePolicies: Record<string, Policy>;
  policyFiles: [string, Policy][];
  org: Organisation;
}

interface Extras {
  attributes: AttributeRow[];
  training: Record<string, string>;
}

function file(files: Record<string, ByteSource>, name: string): ByteSource {
  const bytes = Object.hasOwn(files, name) ? files[name] : undefined;
  if (bytes === undefined) {
    throw new DataError({ file: name, expected: 'the file in the data folder', detail: 'expected this file in the data folder, but it is missing' });
  }
  return bytes;
}

function parseHead(files: Record<string, ByteSource>, parsePolicy: PolicyParser): Head {
  const policy = parsePolicy('policy.json', readAllBytes(file(files, 'policy.json')));
  const cyclePolicies: Record<string, Policy> = Object.create(null) as Record<string, Policy>;
  const policyFiles: [string, Policy][] = [['policy.json', policy]];
  for (const name of Object.keys(files).sort()) {
    const cycle = CYCLE_POLICY.exec(name)?.[1];
    if (cycle === undefined) continue;
    const own = parsePolicy(name, readAllBytes(file(files, name)));
    cyclePolicies[cycle] = own;
    policyFiles.push([name, own]);
  }

  const org = readOrganisation(file(files, 'departments.csv'), file(files, 'employees.csv'), fastestIsUtf8);
  for (const [name, p] of policyFiles) {
    p.assignments.forEach((a, i) => {
      if (a.department !== undefined && !org.departmentById.has(a.department)) {
        throw new DataError({ file: name, column: `assignments[${i}].department`, expected: 'a department id from departments.csv', detail: `expected a department id from departments.csv, got "${a.department}"` });
      }
    });
  }
  return { policy, cyclePolicies, policyFiles, org };
}

/** values.csv from its scan, or read the careful way when the scan gave up (to name the error, or for a file with quotes). */
function valuesOf(files: Record<string, ByteSource>, head: Head, raw: RawValues | null): ValueTable {
  const source = file(files, 'values.csv');
  const ctx = { policy: head.policy, cyclePolicies: head.cyclePolicies, employeeById: head.org.employeeById };
  return (raw === null ? null : bindValues(raw, ctx)) ?? readValues(source, ctx);
}

function parseExtras(files: Record<string, ByteSource>, head: Head): Extras {
  const optional = (name: string): ByteSource | undefined => (Object.hasOwn(files, name) ? files[name] : undefined);
  const attributesCsv = optional('attributes.csv');
  const trainingCsv = optional('training.csv');
  const indicatorIds = new Set(head.policyFiles.flatMap(([, p]) => p.indicators.map((x) => x.id)));
  const attributesOf = (csv: ByteSource): AttributeRow[] => {
    const raw = scanAttributes(csv, fastestIsUtf8);
    // The careful reader, for a file the scan gave up on: it names the error.
    return (raw === null ? null : bindAttributes(raw, head.org.employeeById)) ?? readAttributes(csv, head.org.employeeById);
  };
  return {
    attributes: attributesCsv ? attributesOf(attributesCsv) : [],
    training: trainingCsv ? readTraining(trainingCsv, indicatorIds) : (Object.create(null) as Record<string, string>),
  };
}

function dataset(head: Head, values: ValueTable, extras: Extras): Dataset {
  const { policy, cyclePolicies, org } = head;
  return { policy, cyclePolicies, departments: org.departments, employees: org.employees, values, ...extras };
}
