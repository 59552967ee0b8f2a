import { assertNoNik } from '../privacy/nik.js';
import { InvalidInputError } from '../errors.js';
import type { FeedbackCounts, QuizResult, VisitOutcome } from './impact.js';

/** Longest free-text note, in characters (Unicode code points). */
export const MAX_NOTES_CHARS = 2000;

const FEEDBACK_KEYS = ['1', '2', '3', '4', '5'] as const;

/**
 * Check one visit outcome and return a cleaned copy (unknown fields dropped, null optional fields
 * treated as absent, feedback filled to all five scores). Throws InvalidInputError naming the exact
 * field (e.g. `pretest.correct_pct`). Cards may exceed registrations (existing members get cards too),
 * but registrations and quiz respondents may not exceed attendees.
 */
export function validateOutcome(input: unknown): VisitOutcome {
  if (!isRecord(input)) throw new InvalidInputError('outcome', `an outcome must be a JSON object; got ${describe(input)}`);
  const visit_id = visitId(input.visit_id);
  const date = isoDay(input.date);
  const district_code = districtCode(input.district_code);
  const attendees = count(input.attendees, 'attendees');
  const registrations = count(input.registrations, 'registrations');
  const cards_issued = count(input.cards_issued, 'cards_issued');
  if (registrations > attendees) {
    throw new InvalidInputError('registrations', `registrations (${registrations}) cannot exceed attendees (${attendees}); correct one of the two counts`);
  }
  const out: VisitOutcome = { visit_id, date, district_code, attendees, registrations, cards_issued };
  if (input.pretest != null) out.pretest = quiz(input.pretest, 'pretest', attendees);
  if (input.posttest != null) out.posttest = quiz(input.posttest, 'posttest', attendees);
  if (input.feedback != null) out.feedback = feedback(input.feedback);
  if (input.notes != null) out.notes = notes(input.notes);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function visitId(v: unknown): string | number {
  if ((typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isInteger(v) && v > 0)) return v;
  throw new InvalidInputError('visit_id', `visit_id must be the id of an existing visit (a positive whole number or non-empty text); got ${describe(v)}`);
}

function isoDay(v: unknown): string {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d) return v as string;
  }
  throw new InvalidInputError('date', `date must be a real calendar day in WITA written YYYY-MM-DD, like 2025-03-04; got ${describe(v)}`);
}

function districtCode(v: unknown): string {
  // Kemendagri district (kecamatan) codes look like 51.06.01 (province.regency.district).
  if (typeof v === 'string' && /^\d{2}\.\d{2}\.\d{2}$/.test(v)) return v;
  throw new InvalidInputError('district_code', `district_code must be a district code like 51.06.01; got ${describe(v)}`);
}

function count(v: unknown, field: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  throw new InvalidInputError(field, `${field} must be a whole number, 0 or more; got ${describe(v)}`);
}

function quiz(v: unknown, field: string, attendees: number): QuizResult {
  if (!isRecord(v)) throw new InvalidInputError(field, `${field} must be an object {respondents, correct_pct}; got ${describe(v)}`);
  const respondents = count(v.respondents, `${field}.respondents`);
  if (respondents > attendees) {
    throw new InvalidInputError(`${field}.respondents`, `${field}.respondents (${respondents}) cannot exceed attendees (${attendees}); only people present can answer the quiz`);
  }
  const pct = v.correct_pct;
  if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100) {
    throw new InvalidInputError(`${field}.correct_pct`, `${field}.correct_pct must be a percentage from 0 to 100; got ${describe(pct)}`);
  }
  return { respondents, correct_pct: pct };
}

function feedback(v: unknown): FeedbackCounts {
  if (!isRecord(v)) throw new InvalidInputError('feedback', `feedback must be an object of score counts like {"4": 10, "5": 3}; got ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!(FEEDBACK_KEYS as readonly string[]).includes(key)) {
      throw new InvalidInputError(`feedback.${key}`, `feedback scores are 1 to 5; remove the score ${JSON.stringify(key)}`);
    }
  }
  const out = {} as FeedbackCounts;
  for (const key of FEEDBACK_KEYS) out[key] = v[key] == null ? 0 : count(v[key], `feedback.${key}`);
  return out;
}

function notes(v: unknown): string {
  if (typeof v !== 'string') throw new InvalidInputError('notes', `notes must be text; got ${describe(v)}`);
  const chars = [...v].length;
  if (chars > MAX_NOTES_CHARS) {
    throw new InvalidInputError('notes', `notes are ${chars} characters long; shorten them to ${MAX_NOTES_CHARS} or fewer`);
  }
  assertNoNik('notes', v);
  return v;
}
