// A data folder (FORMATS.md) into the engine's Dataset (data-folder.ts),
// its policy files read with zod (policy-schema.ts). Any bad input throws
// one DataError naming the file, line and column; nothing is returned then,
// so an import is all or nothing.
import type { Dataset } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { loadFolder, parseFiles, type LoadOptions } from './data-folder.ts';
import { parsePolicy } from './policy-schema.ts';

export type { LoadOptions } from './data-folder.ts';

/**
 * Reads the files of FORMATS.md from `dir` (others are ignored) and parses
 * them. The CSV files are read block by block while parsing, not loaded whole.
 */
export function loadDataFolder(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  return loadFolder(dir, { ...options, policyParser: () => parsePolicy });
}

/**
 * The same from files named as in a data folder (`policy.json`,
 * `policy.<cycle>.json`, `departments.csv`, `employees.csv`, `values.csv`,
 * optional `attributes.csv` and `training.csv`), in memory or on disk; other
 * names are ignored.
 */
export function parseDataFiles(files: Record<string, ByteSource>): Dataset {
  return parseFiles(files, parsePolicy);
}
