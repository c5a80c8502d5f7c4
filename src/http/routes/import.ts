import { createRoute, z } from '@hono/zod-openapi';
import { parseDataFiles } from '../../io/parse-data-files.ts';
import type { App, AppDeps } from '../app.ts';
import { HttpError } from '../errors.ts';
import { errorResponses, ImportSummarySchema } from '../schemas.ts';

const FILE = /^(policy(\.[^/]+)?\.json|departments\.csv|employees\.csv|values\.csv|attributes\.csv|training\.csv)$/;

const route = createRoute({
  method: 'post',
  path: '/api/v1/import',
  summary: 'Import a data folder (one transaction)',
  description: 'One multipart part per file, named as the file: policy.json, policy.<cycle>.json, departments.csv, employees.csv, values.csv, attributes.csv, training.csv.',
  security: [{ Bearer: [] }],
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.record(z.string(), z.any().openapi({ type: 'string', format: 'binary' })),
        },
      },
    },
  },
  responses: {
    200: { description: 'Imported', content: { 'application/json': { schema: ImportSummarySchema } } },
    ...errorResponses,
  },
});

export function registerImport(app: App, deps: AppDeps): void {
  app.openapi(
    route,
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new HttpError(400, 'BAD_INPUT', 'expected multipart/form-data with one part per file');
      }
      const files: Record<string, Uint8Array> = {};
      for (const [field, part] of form.entries()) {
        if (typeof part === 'string') throw new HttpError(400, 'BAD_INPUT', `part "${field}" must be a file`);
        const name = FILE.test(field) ? field : part.name;
        if (!FILE.test(name)) throw new HttpError(400, 'BAD_INPUT', `unexpected file "${name}"; expected policy.json, departments.csv, employees.csv, values.csv, attributes.csv, training.csv or policy.<cycle>.json`);
        files[name] = new Uint8Array(await part.arrayBuffer());
      }
      const data = parseDataFiles(files);
      const summary = await deps.store.importDataset(data, `api:${c.get('apiClient')}`);
      return c.json(summary, 200);
    },
  );
}
