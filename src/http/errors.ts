// The one place where errors become HTTP statuses: { code, message, requestId }.
import type { Context } from 'hono';
import { DataError } from '../io/data-error.ts';
import { EngineError } from '../engine/diagnose.ts';
import { IngestError } from '../db/values-ingest.ts';
import { NoDataError } from '../db/load-dataset.ts';

export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'UNKNOWN_CYCLE'
  | 'NO_DATA'
  | 'NO_VALUES'
  | 'EVIDENCE_CORRUPT'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'NODE_ONLY'
  | 'INTERNAL';

/** An error the edge reports as it is; thrown by route handlers. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 500,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function errorBody(c: Context, code: string, message: string, details?: Record<string, unknown>) {
  return { code, message, requestId: (c.get('requestId' as never) as string | undefined) ?? '', ...details };
}

/** Maps a thrown error to a response; anything unknown is a 500 (a bug) and is logged. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof HttpError) return c.json(errorBody(c, err.code, err.message, err.details), err.status);
  if (err instanceof DataError) {
    return c.json(errorBody(c, 'BAD_INPUT', err.message, { file: err.file, line: err.line, column: err.column }), 400);
  }
  if (err instanceof IngestError) return c.json(errorBody(c, 'BAD_INPUT', err.message, { index: err.index, field: err.field }), 400);
  if (err instanceof EngineError) return c.json(errorBody(c, err.code, err.message), 404);
  if (err instanceof NoDataError) return c.json(errorBody(c, 'NO_DATA', err.message), 404);
  const code = (err as { code?: unknown }).code;
  if (code === 'FORBIDDEN') return c.json(errorBody(c, 'FORBIDDEN', err.message), 403);
  if (code === 'EVIDENCE_NOT_FOUND') return c.json(errorBody(c, 'NOT_FOUND', err.message), 404);
  if (code === 'EVIDENCE_CORRUPT') return c.json(errorBody(c, 'EVIDENCE_CORRUPT', err.message), 500);
  console.error(err);
  return c.json(errorBody(c, 'INTERNAL', 'internal error'), 500);
}
