/** Texts for the server's auth codes (server/domain/codes/auth.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  origin_invalid: 'This request did not come from the Jangkau page. Reload the page and try again.',
  body_too_deep: 'The data sent is nested too deeply (more than {{max_depth}} levels).',
  nik_not_allowed: 'Do not write a NIK here. Jangkau stores no NIK (a 16-digit number); remove it.',
  password_length: '{{label}} must be {{min}}–{{max}} characters.',
  password_repeated: '{{label}} must not be one character repeated. Use a few unrelated words.',
  password_contains_email: "{{label}} must not contain the user's email address or its name part.",
  password_too_common: '{{label}}: too common or easy to guess (it is on lists of often used or leaked passwords). Use a few unrelated words.',
} as Record<string, string>;
