import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { ValidationError } from '../errors.js';
import type { AppEnv } from './env.js';

/** The field a zod error is about: the first path segment of its first issue, or 'body'/'query'. */
export function fieldOf(error: ZodError, target: string): string {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  // An issue about the whole JSON body (e.g. an unknown key in a strict object) is reported as 'body'.
  return path.length > 0 ? path.map(String).join('.') : target === 'json' ? 'body' : target;
}

/**
 * A router for one resource. Validation failures become a 400 `{"error":{"field","message"}}`
 * through the single onError, naming the first bad field.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new ValidationError(fieldOf(result.error as unknown as ZodError, result.target), issue?.message ?? 'invalid input');
      }
    },
  });
}
