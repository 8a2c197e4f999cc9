/**
 * The one error type the engine throws. Codes match the messaging envelope's
 * error codes so the background can pass them through unchanged.
 */
export type WorkflowErrorCode = 'invalid-value' | 'not-found' | 'blocked' | 'conflict';

export class WorkflowError extends Error {
  /** Every reason, each a sentence an agent understands (e.g. the gates that block a step). */
  readonly reasons: string[];

  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    reasons: string[] = [],
  ) {
    super(message);
    this.name = 'WorkflowError';
    this.reasons = reasons;
  }

  /** Structured detail for `ProtocolFailure.details` / the reply envelope. */
  get details(): { reasons: string[] } | undefined {
    return this.reasons.length > 0 ? { reasons: this.reasons } : undefined;
  }
}

export function isWorkflowError(e: unknown): e is WorkflowError {
  return e instanceof WorkflowError;
}
