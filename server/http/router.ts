import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from './env.js';
import { zodValidationError } from './zodIssue.js';

export { fieldOf } from './zodIssue.js';

/**
 * A router for one resource. Validation failures become a 400 `{"error":{"code","field","params","message"}}`
 * through the single onError, naming the first bad field with a registered code (see zodIssue.ts).
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const raw = (result as { data?: unknown }).data;
        throw zodValidationError(result.error as unknown as ZodError, raw, result.target);
      }
    },
  });
}
