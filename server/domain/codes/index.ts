/**
 * The one registry of error and warning codes. Every error body is
 * `{"error":{"code","field"?,"params","message"}}` and every warning `{code, params, message}`; the code comes from
 * here. The OpenAPI error schema lists these as an enum and a test checks that the web has an Indonesian and an
 * English text for each, using only the params listed. Each area keeps its own table (one file each) so that
 * adding codes in one area never touches another.
 */
import { COMMON_CODES } from './common.js';
import { AUTH_CODES } from './auth.js';
import { REGISTRATION_CODES } from './registration.js';
import { EVENTS_CODES } from './events.js';
import { REGIONS_CODES } from './regions.js';
import { POINTS_CODES } from './points.js';
import { VISITS_CODES } from './visits.js';
import { OUTCOMES_CODES } from './outcomes.js';
import type { CodeSpec } from './types.js';

export const CODES = {
  ...COMMON_CODES,
  ...AUTH_CODES,
  ...REGISTRATION_CODES,
  ...EVENTS_CODES,
  ...REGIONS_CODES,
  ...POINTS_CODES,
  ...VISITS_CODES,
  ...OUTCOMES_CODES,
} as const;

export type Code = keyof typeof CODES;
export type ErrorCode = { [K in Code]: (typeof CODES)[K]['kind'] extends 'error' ? K : never }[Code];
export type WarningCode = { [K in Code]: (typeof CODES)[K]['kind'] extends 'warning' ? K : never }[Code];
/** Params sent with a code: a translation fills its placeholders from these. */
export type CodeParams = Record<string, string | number | boolean | null | (string | number)[]>;

/** Every code, sorted, for the OpenAPI enum and the translation test. */
export const ALL_CODES = Object.keys(CODES).sort() as Code[];

/** The spec of a code, or undefined when `code` is not registered. */
export function codeSpec(code: string): CodeSpec | undefined {
  return Object.prototype.hasOwnProperty.call(CODES, code) ? (CODES as Record<string, CodeSpec>)[code] : undefined;
}
