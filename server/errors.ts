import { InvalidInputError, type CodeOptions, type RequiredCode } from './domain/errors.js';
import type { CodeParams, ErrorCode } from './domain/codes/index.js';

/**
 * HTTP errors. Throw these from routes and services; the single `onError` in app.ts turns them into
 * `{"error":{"code","field"?,"params","message"}}` with the matching status. `code` comes from the registry in
 * server/domain/codes; `message` is English for API users, the web translates `code` + `params`.
 * Anything else is a 500 and a bug.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly field?: string;
  readonly code?: ErrorCode;
  readonly params?: CodeParams;
  readonly extra?: Record<string, unknown>;
  constructor(
    status: number,
    message: string,
    opts: { field?: string; code?: ErrorCode; params?: CodeParams; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.field = opts.field;
    this.code = opts.code;
    this.params = opts.params;
    this.extra = opts.extra;
  }
}

/** 400: a named field is missing or malformed. */
export class ValidationError extends HttpError {
  constructor(field: string, message: string, opts: RequiredCode) {
    super(400, message, { field, code: opts.code, params: opts.params });
  }
}

/**
 * 429: a rate limit. `waitS` seconds until it lifts, sent as params (for the translation: seconds and whole minutes)
 * and as `retry_after_s`, which the routes copy into the Retry-After header (server/http/retryAfter.ts).
 */
export function tooManyRequests(message: string, waitS: number, code: 'rate_limited' | 'too_many_attempts' | 'too_many_reports'): HttpError {
  return new HttpError(429, message, { code, params: { retry_after_s: waitS, retry_after_min: Math.ceil(waitS / 60) }, extra: { retry_after_s: waitS } });
}

/** 404: the thing asked for does not exist (`code` says which kind of thing, e.g. point_not_found). */
export class NotFoundError extends HttpError {
  constructor(message: string, field?: string, code: ErrorCode = 'not_found', params?: CodeParams) {
    super(404, message, { field, code, params });
  }
}

/** 401: no valid session (or, with `wrong_login`, a failed login). */
export class UnauthorizedError extends HttpError {
  constructor(message = 'Log in first: this action needs a staff account.', code: ErrorCode = 'unauthorized') {
    super(401, message, { code });
  }
}

/** 403: logged in, but the role may not do this (or the request came from another site: `cross_site`). */
export class ForbiddenError extends HttpError {
  constructor(message: string, opts: CodeOptions = {}) {
    super(403, message, { code: opts.code ?? 'forbidden', params: opts.params });
  }
}

/** 409: the request conflicts with the current state; `code` says how (e.g. point_retired). */
export class ConflictError extends HttpError {
  constructor(message: string, field?: string, opts: CodeOptions = {}) {
    super(409, message, { field, code: opts.code ?? 'conflict', params: opts.params });
  }
}

/** The one error body: code first, then field, params and the English message. */
export function errorBody(code: ErrorCode, message: string, field?: string, params: CodeParams = {}, extra: Record<string, unknown> = {}) {
  return { error: { code, ...(field ? { field } : {}), params, message, ...extra } };
}

const STATUS_CODES: Record<number, ErrorCode> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 429: 'rate_limited' };

/** Turns any thrown value into a status and JSON body. Unknown errors become 500 without leaking internals. */
export function errorToResponse(err: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (err instanceof HttpError) {
    const code = err.code ?? STATUS_CODES[err.status] ?? 'bad_request';
    return { status: err.status, body: errorBody(code, err.message, err.field, err.params, err.extra) };
  }
  if (err instanceof InvalidInputError) {
    return { status: 400, body: errorBody(err.code, err.message, err.field, err.params) };
  }
  return { status: 500, body: errorBody('internal', 'Internal error. It has been logged; please try again.') };
}
