/** Texts for the server's auth codes (server/domain/codes/auth.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  origin_invalid: 'This request did not come from the Jangkau page. Reload the page and try again.',
  body_too_deep: 'The data sent is nested too deeply (more than {{max_depth}} levels).',
  nik_not_allowed: 'Do not write a NIK here. Jangkau stores no NIK (a 16-digit number); remove it.',
} as Record<string, string>;
