/**
 * Turns an error from the API client into a message in the reader's language. The server's `message` is English
 * for API users; what people read comes from its stable `code` and `params` (server/domain/codes), translated in
 * web/i18n/{id,en}/codes. Without a known code, the status decides (offline, network, 5xx, 401…), and an unknown
 * 4xx falls back to "Periksa isian {label}" with the server's own words kept as an English detail line.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { codeText } from './codeText';

/** A message to show, plus the server's original text when the message could not say it all. */
export interface ErrorText {
  message: string;
  /** The server's English message, shown small and muted with lang="en"; absent when fully translated. */
  detail?: string;
}

export interface ApiErrorOptions {
  /** Labels the form itself shows, by server field name ("lat", "pretest.correct_pct"); used before the shared ones. */
  labels?: Record<string, string>;
  /** 'login' reads a 401 as a wrong password rather than an ended session. */
  context?: 'login';
}

const WEEKDAY = /^opening_hours\.(mon|tue|wed|thu|fri|sat|sun)\b/;

/** The label of a server field name in the reader's language ("opening_hours.mon" → "Jam buka (Senin)"). */
export function fieldLabel(field: string, t: TFunction, labels: Record<string, string> = {}): string {
  if (labels[field]) return labels[field];
  const day = WEEKDAY.exec(field)?.[1];
  if (day) return t('errors:dayLabel', { label: labels.opening_hours ?? t('errors:fields.opening_hours'), day: t(`errors:day.${day}`) });
  const score = /^feedback\.(\d)$/.exec(field)?.[1];
  if (score) return t('errors:fields.feedbackScore', { score });
  const flat = field.replace(/\[\d+\]/g, '').replace(/\./g, '_');
  const head = field.split(/[.[]/)[0];
  for (const key of [flat, head]) {
    if (labels[key]) return labels[key];
    const label = t(`errors:fields.${key}`, { defaultValue: '' });
    if (label) return label;
  }
  return field;
}

function waitText(seconds: number | undefined, t: TFunction): string {
  if (!seconds) return t('errors:status.waitLater');
  if (seconds < 60) return t('errors:status.waitSeconds', { count: Math.ceil(seconds) });
  return t('errors:status.waitMinutes', { count: Math.ceil(seconds / 60) });
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * The message to show for `err` (an ApiError, a failed fetch, or anything thrown). `t` may be bound to
 * any namespace: keys are looked up as `errors:…`.
 */
export function apiErrorMessage(err: unknown, t: TFunction, opts: ApiErrorOptions = {}): ErrorText {
  if (!(err instanceof ApiError)) {
    // fetch() rejects with a TypeError when there is no network; that is the common case on a weak signal.
    if (isOffline()) return { message: t('errors:status.offline') };
    if (err instanceof TypeError) return { message: t('errors:status.network') };
    return { message: t('errors:status.unknown') };
  }
  const detail = err.message || undefined;
  const label = fieldLabel(err.field ?? 'body', t, opts.labels);
  // A wrong password is a 401 like an ended session; on the login form it is read as the former.
  if (err.status === 401 && opts.context === 'login') return { message: t('errors:status.wrongLogin') };
  const text = codeText(err.code, err.params, t, label);
  if (text) return { message: text };
  switch (err.status) {
    case 401:
      return { message: t('errors:status.sessionEnded') };
    case 403:
      return { message: t('errors:status.forbidden') };
    case 404:
      return { message: t('errors:status.notFound'), detail };
    case 413:
      return { message: t('errors:status.tooLarge'), detail };
    case 415:
      return { message: t('errors:status.unsupported'), detail };
    case 429:
      return { message: t(`errors:status.${opts.context === 'login' ? 'tooManyLogins' : 'tooMany'}`, { wait: waitText(err.retryAfterS, t) }) };
  }
  if (err.status >= 500) return { message: t('errors:status.server') };
  if (err.status === 409) return { message: t('errors:status.conflict'), detail };
  if (err.status === 422) return { message: t('errors:status.unprocessable'), detail };
  if (err.field && err.field !== 'body') return { message: t('errors:check', { label }), detail };
  return { message: t('errors:checkForm'), detail };
}
