// A data folder as POST /api/v1/import takes it: one multipart part per file,
// named as the file (proposal.json is not part of a data folder).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** `replace` swaps a file's text by name, for tests of bad input. */
export async function folderForm(dir: string, replace: Record<string, string> = {}): Promise<FormData> {
  const form = new FormData();
  for (const name of await readdir(dir)) {
    if (!/\.(csv|json)$/.test(name) || name === 'proposal.json') continue;
    const text = replace[name] ?? (await readFile(join(dir, name), 'utf8'));
    form.append(name, new Blob([text]), name);
  }
  return form;
}
