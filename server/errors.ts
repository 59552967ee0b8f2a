import { InvalidInputError } from './domain/errors.js';

/**
 * HTTP errors. Throw these from routes and services; the single `onError` in app.ts turns them into
 * `{"error":{"field"?,"message","code"?}}` with the matching status. Anything else is a 500 and a bug.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly field?: string;
  readonly code?: string;
  readonly extra?: Record<string, unknown>;
  constructor(status: number, message: string, opts: { field?: string; code?: string; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.field = opts.field;
    this.code = opts.code;
    this.extra = opts.extra;
  }
}

/** 400: a named field is missing or malformed. */
export class ValidationError extends HttpError {
  constructor(field: string, message: string) {
    super(400, message, { field, code: 'invalid' });
  }
}

/** 404: the thing asked for does not exist. */
export class NotFoundError extends HttpError {
  constructor(message: string, field?: string) {
    super(404, message, { field, code: 'not_found' });
  }
}

/** 401: no valid session. */
export class UnauthorizedError extends HttpError {
  constructor(message = 'Log in first: this action needs a staff account.') {
    super(401, message, { code: 'unauthorized' });
  }
}

/** 403: logged in, but the role may not do this. */
export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, message, { code: 'forbidden' });
  }
}

/** 409: the request conflicts with the current state. */
export class ConflictError extends HttpError {
  constructor(message: string, field?: string) {
    super(409, message, { field, code: 'conflict' });
  }
}

/** Turns any thrown value into a status and JSON body. Unknown errors become 500 without leaking internals. */
export function errorToResponse(err: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      body: { error: { ...(err.field ? { field: err.field } : {}), message: err.message, ...(err.code ? { code: err.code } : {}), ...(err.extra ?? {}) } },
    };
  }
  if (err instanceof InvalidInputError) {
    return { status: 400, body: { error: { field: err.field, message: err.message, code: 'invalid' } } };
  }
  return { status: 500, body: { error: { message: 'Internal error. It has been logged; please try again.', code: 'internal' } } };
}
