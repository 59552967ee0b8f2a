/**
 * Idempotency keys for create forms: one key per submission. A repeat of the same content before a save has
 * succeeded (a double tap while the first is on its way, a retry after the network failed) reuses the key, so
 * the server creates the thing once and answers the repeat with the first answer. Changed content, or the same
 * content sent again after a successful save (a deliberate new submission), gets a fresh key.
 */
import { useRef } from 'react';

/** A random UUID v4; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The key store of one form: `keyFor(body)` before each send, `saved()` once a save succeeded. */
export function useSubmissionKey() {
  const last = useRef<{ content: string; key: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const content = JSON.stringify(body);
      if (last.current?.content !== content) last.current = { content, key: newSubmissionKey() };
      return last.current.key;
    },
    saved(): void {
      last.current = null;
    },
  };
}
