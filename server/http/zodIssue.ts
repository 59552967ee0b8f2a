import type { ZodError } from 'zod';
import { ValidationError } from '../errors.js';
import type { CodeParams, ErrorCode } from '../domain/codes/index.js';
import { enumParams, gotParam } from '../domain/codes/values.js';

/** A zod issue as zod 4 reports it (only the parts read here). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  params?: { code?: ErrorCode; params?: CodeParams };
}

/** What a custom zod issue carries so the hook can answer with a registered code: `ctx.addIssue(coded(…))`. */
export function coded(code: ErrorCode, message: string, params: CodeParams = {}) {
  return { code: 'custom' as const, message, params: { code, params } };
}

/** The field a zod error is about: the first path segment of its first issue, or 'body'/'query'. */
export function fieldOf(error: ZodError, target: string): string {
  const path = error.issues[0]?.path ?? [];
  // An issue about the whole JSON body (e.g. an unknown key in a strict object) is reported as 'body'.
  return path.length > 0 ? path.map(String).join('.') : target === 'json' ? 'body' : target;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

const num = (n: number | bigint | undefined) => (n === undefined ? null : Number(n));

/** The registered code and params of one zod issue; `got` is read from the input the issue is about. */
export function codeOfIssue(issue: Issue, data: unknown): { code: ErrorCode; params: CodeParams } {
  const got = valueAt(data, issue.path);
  switch (issue.code) {
    case 'custom':
      return issue.params?.code ? { code: issue.params.code, params: issue.params.params ?? {} } : { code: 'invalid', params: {} };
    case 'invalid_type':
      if (got === undefined) return { code: 'required', params: {} };
      // A query parameter given twice arrives as a list.
      if (Array.isArray(got) && issue.expected === 'string') return { code: 'param_repeated', params: {} };
      return { code: 'invalid_type', params: { expected: issue.expected ?? 'value' } };
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      if (issue.origin === 'string') {
        const length = typeof got === 'string' ? got.length : 0;
        if (small && length === 0) return { code: 'required', params: {} };
        return small ? { code: 'text_too_short', params: { min: num(issue.minimum), got: length } } : { code: 'text_too_long', params: { max: num(issue.maximum), got: length } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const length = Array.isArray(got) ? got.length : 0;
        return small ? { code: 'list_too_short', params: { min: num(issue.minimum), got: length } } : { code: 'list_too_long', params: { max: num(issue.maximum), got: length } };
      }
      return { code: 'number_out_of_range', params: { min: num(issue.minimum), max: num(issue.maximum), got: gotParam(got) } };
    }
    case 'invalid_value':
      return { code: 'enum_unknown', params: enumParams(got, (issue.values ?? []).map(String)) };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { got: issue.keys?.[0] ?? '' } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { got: gotParam(got) } };
    default:
      return { code: 'invalid', params: {} };
  }
}

/** The 400 for a failed zod parse: the first issue's field, registered code, params and zod's English message. */
export function zodValidationError(error: ZodError, data: unknown, target: string): ValidationError {
  const issue = error.issues[0] as unknown as Issue | undefined;
  if (!issue) return new ValidationError(fieldOf(error, target), 'invalid input', { code: 'invalid' });
  const { code, params } = codeOfIssue(issue, data);
  return new ValidationError(fieldOf(error, target), issue.message, { code, params });
}
