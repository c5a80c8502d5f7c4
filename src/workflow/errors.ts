// The one thrown workflow error: a closed code the adapters turn into a card
// that says what happened and what to do.

export type WorkflowErrorCode =
  | 'NOT_FOUND'
  | 'WRONG_STAGE'
  | 'STALE'
  | 'OPEN_ANOMALIES'
  | 'BAD_INPUT'
  | 'ALREADY_DONE'
  | 'NO_REVIEWER'
  | 'UNKNOWN_ACTION';

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    /** Shown to the person: [Chinese, English]. */
    readonly text: { zh: string; en: string },
  ) {
    super(`${code}: ${text.en}`);
  }
}

export const fail = (code: WorkflowErrorCode, zh: string, en: string): never => {
  throw new WorkflowError(code, { zh, en });
};
