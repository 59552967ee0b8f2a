/** Texts for the server's common codes (server/domain/codes/common.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  precondition_failed: 'Someone else changed this since you opened it. Load the newest version, then save again.',
  idempotency_key_reused: 'This submission reused the key of a different one. Reload the page and send it again.',
} as Record<string, string>;
