import { createRoute } from '@hono/zod-openapi';
import { parseDataFiles } from '../../io/parse-data-files.ts';
import { fetchBody, type App, type AppDeps } from '../app.ts';
import { HttpError } from '../errors.ts';
import { boundaryOf, MultipartError, parseMultipart, type Part } from '../multipart.ts';
import { ErrorSchema, errorResponses, ImportSummarySchema } from '../schemas.ts';

/** values.csv of 100,000 people over three cycles is ~140 MB. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

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
        // A plain OpenAPI schema, not zod: the handler reads the parts
        // itself (multipart.ts) rather than have the validator build a FormData.
        'multipart/form-data': {
          schema: { type: 'object', additionalProperties: { type: 'string', format: 'binary' } },
        },
      },
    },
  },
  responses: {
    200: { description: 'Imported', content: { 'application/json': { schema: ImportSummarySchema } } },
    ...errorResponses,
    413: { description: 'The upload is larger than an import takes', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function registerImport(app: App, deps: AppDeps): void {
  app.openapi(
    route,
    async (c) => {
      const declared = Number(c.req.header('content-length'));
      if (declared > MAX_IMPORT_BYTES) {
        throw new HttpError(413, 'TOO_LARGE', `the upload is ${declared} bytes; an import takes at most ${MAX_IMPORT_BYTES} (a data folder of ~300,000 people)`);
      }
      const boundary = boundaryOf(c.req.header('content-type'));
      if (boundary === null) throw new HttpError(400, 'BAD_INPUT', 'expected multipart/form-data with one part per file');
      let parts: Part[];
      try {
        parts = parseMultipart(await (deps.readBody ?? fetchBody)(c), boundary);
      } catch (e) {
        if (!(e instanceof MultipartError)) throw e;
        throw new HttpError(400, 'BAD_INPUT', `${e.message}; expected multipart/form-data with one part per file`);
      }
      const files: Record<string, Uint8Array> = {};
      for (const part of parts) {
        if (part.filename === null) throw new HttpError(400, 'BAD_INPUT', `part "${part.name}" must be a file`);
        const name = FILE.test(part.name) ? part.name : part.filename;
        if (!FILE.test(name)) throw new HttpError(400, 'BAD_INPUT', `unexpected file "${name}"; expected policy.json, departments.csv, employees.csv, values.csv, attributes.csv, training.csv or policy.<cycle>.json`);
        files[name] = part.body;
      }
      const data = parseDataFiles(files);
      const summary = await deps.store.importDataset(data, `api:${c.get('apiClient')}`);
      return c.json(summary, 200);
    },
  );
}
