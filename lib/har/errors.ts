/**
 * The one error type the HAR sanitizer throws on bad input. Callers switch on
 * `code`; `message` is written for the person who picked the file.
 */
export type HarErrorCode =
  | 'not-json' // the bytes are not JSON at all (or JSON with trailing garbage)
  | 'not-har' // valid JSON, but not a HAR log
  | 'truncated' // the file ends in the middle of the JSON
  | 'unreadable' // the file or stream could not be read
  | 'too-large' // one entry exceeds what the runtime can hold as a string
  | 'invalid-rules' // a rules file failed validation
  | 'cancelled'; // the caller aborted (the agent pressed Cancel)

export class HarError extends Error {
  override readonly name = 'HarError';
  constructor(
    readonly code: HarErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isHarError(error: unknown): error is HarError {
  return error instanceof HarError;
}
