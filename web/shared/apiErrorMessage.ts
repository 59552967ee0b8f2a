/**
 * Turns an error from the API client into a message in the reader's language. The server speaks English
 * (its messages are for developers too); people filling in Indonesian forms must never see only that.
 * Known statuses and known 400 reasons are translated; anything else falls back to "Periksa isian {label}"
 * with the server's own words kept as an English detail line.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

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

type Params = Record<string, string>;
type Rule = [RegExp, string, (m: RegExpMatchArray) => Params];

const none = () => ({});
/**
 * Known server wordings (server/domain/points/validate.ts, outcome, visit and auth services, zod schemas),
 * most specific first. Each gives a key under `errors:reason` and the numbers to fill in.
 */
const RULES: Rule[] = [
  [/outside the service region.*swapped/s, 'outsideRegionSwapped', none],
  [/outside the service region/, 'outsideRegion', none],
  [/registrations \((\d+)\) cannot exceed attendees \((\d+)\)/, 'registrationsOverAttendees', (m) => ({ registrations: m[1], attendees: m[2] })],
  [/respondents \((\d+)\) cannot exceed attendees \((\d+)\)/, 'respondentsOverAttendees', (m) => ({ respondents: m[1], attendees: m[2] })],
  [/must be a percentage from 0 to 100/, 'percent', none],
  [/feedback scores are 1 to 5/, 'feedbackScores', none],
  [/must be a number between (-?[\d.]+) and (-?[\d.]+)/, 'numberBetween', (m) => ({ min: m[1], max: m[2] })],
  [/must be a whole number from (-?\d+) to (-?\d+)/, 'wholeBetween', (m) => ({ min: m[1], max: m[2] })],
  [/must be a whole number, 0 or more/, 'wholeNonNegative', none],
  [/must be a (?:positive )?whole number|must be positive/, 'whole', none],
  [/must be at least (\d+)/, 'atLeast', (m) => ({ min: m[1] })],
  [/(?:is not before closes|must be after opens)/, 'opensBeforeCloses', none],
  [/overlap; merge them/, 'spansOverlap', none],
  [/give both opens and closes/, 'bothTimes', none],
  [/must be after starts_at/, 'endAfterStart', none],
  [/A visit lasts at most (\d+) hours/, 'visitTooLong', (m) => ({ hours: m[1] })],
  [/has no market days, so a series cannot follow them/, 'noMarketDays', none],
  [/must be on or after the first visit date (\d{4}-\d{2}-\d{2})/, 'untilBeforeFirst', (m) => ({ first: m[1] })],
  [/a series may span at most (\d+) days.*on or before (\d{4}-\d{2}-\d{2})/s, 'seriesTooLong', (m) => ({ days: m[1], last: m[2] })],
  [/must be on or after from/, 'rangeReversed', none],
  [/covers \d+ days; ask for at most (\d+) days/, 'rangeTooLong', (m) => ({ days: m[1] })],
  [/HH:MM/, 'time', none],
  [/ISO 8601 time with an offset/, 'dateTime', none],
  [/YYYY-MM-DD|real calendar day/, 'date', none],
  [/must be an address like/, 'email', none],
  [/must be a mobile number/, 'whatsapp', none],
  [/must be an Indonesian number/, 'phone', none],
  [/A user with email .* already exists/, 'emailTaken', none],
  [/cannot disable or demote your own account/, 'ownAccount', none],
  [/last active admin/, 'lastAdmin', none],
  [/is retired; restore it/, 'pointRetired', none],
  [/is not an active service point|No service point with id/, 'pointGone', none],
  [/can never happen/, 'neverHappens', none],
  [/must list at least one/, 'pickOne', none],
  [/contains control characters/, 'control', none],
  [/must be (\d+) to (\d+) characters/, 'lengthBetween', (m) => ({ min: m[1], max: m[2] })],
  [/(?:is longer than|must be at most|at most) (\d+) characters|shorten them to (\d+) or fewer/, 'tooLong', (m) => ({ max: m[1] ?? m[2] })],
  [/Send at least one field to change/, 'nothingToChange', none],
  [/\bis required\b|must not be empty|got an empty name|cannot be removed/, 'required', none],
  [/must be text\b/, 'text', none],
  [/unknown (?:value|field|key|day|service)|Unknown (?:field|village_code|district_code)|must be one of|must be a list of|is not a Bangli district/i, 'unknownValue', none],
];

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

/** A 400's reason in the reader's language, or null when the server's wording is not a known one. */
function knownReason(message: string, label: string, t: TFunction): string | null {
  for (const [re, key, params] of RULES) {
    const m = re.exec(message);
    if (m) return t(`errors:reason.${key}`, { label, ...params(m) });
  }
  return null;
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
  const code = err.code;
  // A code with its own text (web/i18n/*/codes) says it all, in the reader's language, from the code's params.
  if (code && t(`codes:${code}`, { defaultValue: '' })) {
    return { message: t(`codes:${code}`, { ...err.params, label: fieldLabel(err.field ?? 'body', t, opts.labels) }) };
  }
  switch (err.status) {
    case 401:
      return { message: t(opts.context === 'login' ? 'errors:status.wrongLogin' : 'errors:status.sessionEnded') };
    case 403:
      return { message: t(/Cross-site/i.test(err.message) ? 'errors:status.crossSite' : 'errors:status.forbidden') };
    case 404:
      return { message: t('errors:status.notFound'), detail };
    case 413:
      return { message: t('errors:status.tooLarge'), detail };
    case 415:
      return { message: t('errors:status.unsupported'), detail };
    case 429: {
      const key = opts.context === 'login' || code === 'too_many_attempts' ? 'tooManyLogins' : /reports/i.test(err.message) ? 'tooManyReports' : 'tooMany';
      return { message: t(`errors:status.${key}`, { wait: waitText(err.retryAfterS, t) }) };
    }
  }
  if (err.status >= 500) return { message: t('errors:status.server') };
  const label = fieldLabel(err.field ?? 'body', t, opts.labels);
  const reason = knownReason(err.message, label, t);
  if (reason) return { message: reason };
  if (err.status === 409) return { message: t('errors:status.conflict'), detail };
  if (err.status === 422) return { message: t('errors:status.unprocessable'), detail };
  if (err.field && err.field !== 'body') return { message: t('errors:check', { label }), detail };
  return { message: t('errors:checkForm'), detail };
}
