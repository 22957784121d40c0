/**
 * How every call across the contract answers: a value, or an error as a value. Errors never
 * cross a process boundary as exceptions or stacks, only as a code and a plain message.
 */

/** Error codes the UI knows how to present. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'unsupported'
  | 'busy'
  | 'io'
  | 'internal'
  /** A path outside the folders the user chose or the catalog knows (src/main/security). */
  | 'forbidden'
  /** A file is there already and the person has not confirmed replacing it. */
  | 'exists';

export interface CallError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** An exception a service throws on purpose, carrying the code to send across. */
export class CutlineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CutlineError';
  }
}
