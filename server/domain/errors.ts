/**
 * Errors thrown by pure domain code. They carry the name of the input field at fault, a registered `code` and the
 * `params` a translation needs, so the HTTP layer can answer `{"error":{"code","field","params","message"}}`
 * without knowing the domain.
 */
import type { CodeParams, ErrorCode } from './codes/index.js';

export interface CodeOptions {
  /** A code from server/domain/codes. */
  code?: ErrorCode;
  params?: CodeParams;
}

/** The options of an input error: the code is required, so every 400 says specifically what is wrong. */
export interface RequiredCode extends CodeOptions {
  code: ErrorCode;
}

/** A caller gave a value the domain cannot work with. Maps to HTTP 400. */
export class InvalidInputError extends Error {
  readonly field: string;
  readonly code: ErrorCode;
  readonly params: CodeParams;
  constructor(field: string, message: string, opts: RequiredCode) {
    super(message);
    this.name = 'InvalidInputError';
    this.field = field;
    this.code = opts.code;
    this.params = opts.params ?? {};
  }
}
