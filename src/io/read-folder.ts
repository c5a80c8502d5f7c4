// A data folder on disk (Node only): its FORMATS.md files, each a FileRef.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../engine/types.ts';
import type { FileRef } from './byte-source.ts';
import { DataError } from './data-error.ts';
import { isDataFile, loadFiles, type FolderOptions } from './data-folder.ts';
import { fileRef } from './file-ref.ts';

/** Reads the files of FORMATS.md from `dir` (others are ignored) and parses them. */
export async function loadFolder(dir: string, options: FolderOptions): Promise<Dataset> {
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
  const files: Record<string, FileRef> = {};
  for (const name of names) if (isDataFile(name)) files[name] = fileRef(join(dir, name));
  return loadFiles(files, options);
}
