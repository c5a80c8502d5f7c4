// A data folder on disk (FORMATS.md) into the engine's Dataset, its policy
// files read with zod (policy-schema.ts). Node only; uploaded files go
// through parse-data-files.ts. Any bad input throws one DataError naming the
// file, line and column; nothing is returned then, so an import is all or
// nothing.
import type { Dataset } from '../engine/types.ts';
import type { LoadOptions } from './data-folder.ts';
import { parsePolicy } from './policy-schema.ts';
import { loadFolder } from './read-folder.ts';

export type { LoadOptions } from './data-folder.ts';
export { parseDataFiles } from './parse-data-files.ts';

/**
 * Reads the files of FORMATS.md from `dir` (others are ignored) and parses
 * them. The CSV files are read block by block while parsing, not loaded whole.
 */
export function loadDataFolder(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  return loadFolder(dir, { ...options, policyParser: () => parsePolicy });
}
