/**
 * A server code (server/domain/codes) said in the reader's language: `t('codes:<code>', params)`. Errors and
 * warnings both come through here, so no screen ever reads the server's English sentence.
 */
import type { TFunction } from 'i18next';
import { formatClock } from './wita';

/**
 * Params as the server sends them, ready for a sentence: lists become "a, b, c", null becomes empty, and a WITA wall
 * time "09:00" is written "09.00", the one way Jangkau writes times (the server sends 'HH:MM').
 */
function flat(params: Record<string, unknown>): Record<string, unknown> {
  const value = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? formatClock(v) : (v ?? ''));
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, value(v)]));
}

/** True when the web has a text for `code`. */
export function hasCodeText(code: string | undefined, t: TFunction): code is string {
  return !!code && !!t(`codes:${code}`, { defaultValue: '' });
}

/**
 * The text of `code` filled from `params` (plus `label`, the field's label), with "Maksud Anda …?" added when the
 * server found a close allowed value; null when the web has no text for the code.
 */
export function codeText(code: string | undefined, params: Record<string, unknown> | undefined, t: TFunction, label = ''): string | null {
  if (!hasCodeText(code, t)) return null;
  const p = params ?? {};
  // Through `replace`, so params named like i18next options (lng, count, context…) stay params.
  const text = t(`codes:${code}`, { replace: { ...flat(p), label } });
  return typeof p.suggestion === 'string' && p.suggestion ? `${text} ${t('errors:didYouMean', { suggestion: p.suggestion })}` : text;
}
