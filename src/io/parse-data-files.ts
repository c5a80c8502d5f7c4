// Uploaded files of a data folder into the engine's Dataset: no file system,
// so the API's import runs wherever the service does (Node or Workers). Its
// policy files are read with zod (policy-schema.ts). Any bad input throws one
// DataError naming the file, line and column; nothing is returned then, so an
// import is all or nothing.
import type { Dataset } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { parseFiles } from './data-folder.ts';
import { parsePolicy } from './policy-schema.ts';

/**
 * The files named as in a data folder (`policy.json`, `policy.<cycle>.json`,
 * `departments.csv`, `employees.csv`, `values.csv`, optional `attributes.csv`
 * and `training.csv`), in memory or on disk; other names are ignored.
 */
export function parseDataFiles(files: Record<string, ByteSource>): Dataset {
  return parseFiles(files, parsePolicy);
}
