/**
 * Field-by-field validation of a service point as staff (or an import row) send it. Pure: no clock, no
 * storage, so the web form can run the same checks. Every problem names its field, the bad value and
 * the fix; all problems are collected, not just the first, so an import can list them per row.
 */
import type { BBox, LngLat } from '../geo/types.js';
import { parseMarketDayRule } from '../calendar/marketDays.js';
import { InvalidInputError } from '../errors.js';
import { isHhmm, minutesOf, type OpeningHours, type Span } from './openingHours.js';
import type { MarketDayRule } from './point.js';
import { ACCURACIES, POINT_TYPES, SERVICES, WEEKDAYS, type Accuracy, type PointType, type Service } from './vocabulary.js';

/** One problem with one field. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Statuses a write may set; `retired` is reached only through retire (DELETE) so it is always audited as such. */
export const EDITABLE_STATUSES = ['active', 'temporarily_closed'] as const;
export type EditableStatus = (typeof EDITABLE_STATUSES)[number];

/** A complete, valid set of staff-editable fields of a point. */
export interface PointDraft {
  name: string;
  type: PointType;
  position: LngLat;
  services: Service[];
  opening_hours: OpeningHours | null;
  phone: string | null;
  whatsapp: string | null;
  address: string | null;
  accuracy: Accuracy;
  location_note: string | null;
  status: EditableStatus;
  external_id: string | null;
  notes: string | null;
  market_days: MarketDayRule | null;
  opens: string | null;
  closes: string | null;
}

/** Fields a write body may carry (lat/lng instead of position). */
export const POINT_BODY_FIELDS = [
  'name', 'type', 'lat', 'lng', 'services', 'opening_hours', 'phone', 'whatsapp', 'address', 'accuracy',
  'location_note', 'status', 'external_id', 'notes', 'market_days', 'opens', 'closes',
] as const;
const REQUIRED = ['name', 'type', 'lat', 'lng'] as const;

export const NAME_MIN = 2;
export const NAME_MAX = 120;
const TEXT_MAX: Record<string, number> = { address: 300, notes: 2000, location_note: 500, external_id: 100 };
const MAX_SPANS_PER_DAY = 4;

const show = (v: unknown): string => {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = Array.isArray(v) ? '[…]' : typeof v === 'object' ? '{…}' : '(unprintable)'; // e.g. nested too deep to print
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Normalises an Indonesian phone number to +62… form, or returns null when it is not one.
 * Accepts +62…, 62… and 0… with spaces, dots, dashes and parentheses. `mobileOnly` (WhatsApp) requires
 * a mobile number (+628…); landlines have a 2–4 digit area code such as (0366) for Bangli.
 */
export function normalizeIndonesianPhone(raw: string, mobileOnly = false): string | null {
  if (raw.length > 40 || !/^\+?[\d\s().-]+$/.test(raw)) return null;
  const digits = raw.replace(/[\s().-]/g, '');
  let national: string;
  if (digits.startsWith('+62')) national = digits.slice(3);
  else if (digits.startsWith('62')) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else return null;
  if (national.startsWith('0')) national = national.slice(1); // "+62 (0)366…" written with the trunk zero
  const ok = mobileOnly ? /^8\d{8,11}$/.test(national) : /^[2-9]\d{6,11}$/.test(national);
  return ok ? `+62${national}` : null;
}

function text(field: string, v: unknown, issues: FieldIssue[], min: number, max: number): string | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'string') {
    issues.push({ field, message: `${field} must be text (or null to clear it); got ${show(v)}` });
    return undefined;
  }
  const s = v.trim();
  if (s.length === 0) return null;
  if (CONTROL.test(s)) {
    issues.push({ field, message: `${field} contains control characters; use plain text` });
    return undefined;
  }
  if (s.length < min || s.length > max) {
    issues.push({ field, message: `${field} must be ${min} to ${max} characters; got ${s.length}` });
    return undefined;
  }
  return s;
}

function hours(v: unknown, issues: FieldIssue[]): OpeningHours | null | undefined {
  if (v === null) return null;
  const example = '{"mon":[{"opens":"08:00","closes":"15:00"}]}';
  if (typeof v !== 'object' || Array.isArray(v)) {
    issues.push({ field: 'opening_hours', message: `opening_hours must be an object such as ${example}, or null when unknown; got ${show(v)}` });
    return undefined;
  }
  const out: OpeningHours = {};
  for (const [day, spans] of Object.entries(v as Record<string, unknown>)) {
    const field = `opening_hours.${day}`;
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      issues.push({ field: 'opening_hours', message: `opening_hours has unknown day "${day}"; use ${WEEKDAYS.join(', ')}` });
      continue;
    }
    if (!Array.isArray(spans) || spans.length > MAX_SPANS_PER_DAY) {
      issues.push({ field, message: `${field} must be a list of up to ${MAX_SPANS_PER_DAY} {"opens":"HH:MM","closes":"HH:MM"} spans ([] = closed that day)` });
      continue;
    }
    const clean: Span[] = [];
    for (const span of spans as unknown[]) {
      const s = span as Record<string, unknown> | null;
      const keysOk = s !== null && typeof s === 'object' && Object.keys(s).every((k) => k === 'opens' || k === 'closes');
      if (!keysOk || !isHhmm(s.opens) || !isHhmm(s.closes) || s.opens === '24:00') {
        issues.push({ field, message: `${field} has ${show(span)}; each span must be {"opens":"HH:MM","closes":"HH:MM"} in 24-hour WITA time` });
        continue;
      }
      if (minutesOf(s.opens) >= minutesOf(s.closes)) {
        issues.push({ field, message: `${field} opens ${s.opens} is not before closes ${s.closes}; split a span past midnight into two days` });
        continue;
      }
      clean.push({ opens: s.opens, closes: s.closes });
    }
    clean.sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
    for (let i = 1; i < clean.length; i++) {
      if (minutesOf(clean[i].opens) < minutesOf(clean[i - 1].closes)) {
        issues.push({ field, message: `${field} spans ${clean[i - 1].opens}-${clean[i - 1].closes} and ${clean[i].opens}-${clean[i].closes} overlap; merge them` });
      }
    }
    out[day as keyof OpeningHours] = clean;
  }
  return out;
}

function coordinate(field: 'lat' | 'lng', v: unknown, issues: FieldIssue[]): number | undefined {
  const limit = field === 'lat' ? 90 : 180;
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > limit) {
    const swapped = field === 'lat' && typeof v === 'number' && Math.abs(v) <= 180 ? ' (this looks like a longitude: are lat and lng swapped?)' : '';
    issues.push({ field, message: `${field} must be a number between -${limit} and ${limit} (decimal degrees); got ${show(v)}${swapped}` });
    return undefined;
  }
  return v;
}

/** The parsed fields of a body: lat/lng kept apart because a PATCH may move only one of them. */
export type PointPatch = Partial<Omit<PointDraft, 'position'>> & { lat?: number; lng?: number };

/**
 * Checks each field present in `body` on its own. With `partial: false` (create, import) the required
 * fields name, type, lat and lng must be present. Unknown fields are rejected so typos do not vanish.
 */
export function checkPointFields(body: unknown, opts: { partial: boolean }): { value: PointPatch; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const value: PointPatch = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { value, issues: [{ field: 'body', message: 'The body must be a JSON object such as {"name":"…","type":"market","lat":-8.45,"lng":115.35}' }] };
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!(POINT_BODY_FIELDS as readonly string[]).includes(key)) {
      const hint = key === 'position' || key === 'coordinates' ? ' (send lat and lng as numbers)' : key === 'village_code' ? ' (it is derived from lat/lng)' : key === 'verified_at' ? ' (use POST /api/points/{id}/verify)' : '';
      issues.push({ field: key, message: `Unknown field "${key}"${hint}; allowed fields: ${POINT_BODY_FIELDS.join(', ')}` });
    }
  }
  if (!opts.partial) {
    for (const f of REQUIRED) {
      if (b[f] === undefined || b[f] === null) issues.push({ field: f, message: `${f} is required` });
    }
  }
  // Optional fields accept null (clear it); required ones were reported above when null or missing.
  const has = (f: string) => b[f] !== undefined && (b[f] !== null || !(REQUIRED as readonly string[]).includes(f));

  if (has('name')) {
    const n = text('name', b.name, issues, NAME_MIN, NAME_MAX);
    if (n === null) issues.push({ field: 'name', message: `name must be ${NAME_MIN} to ${NAME_MAX} characters; got an empty name` });
    else if (n !== undefined) value.name = n;
  } else if (opts.partial && b.name === null) issues.push({ field: 'name', message: 'name cannot be removed' });
  if (has('type')) {
    if (typeof b.type === 'string' && (POINT_TYPES as readonly string[]).includes(b.type)) value.type = b.type as PointType;
    else issues.push({ field: 'type', message: `type must be one of ${POINT_TYPES.join(', ')}; got ${show(b.type)}` });
  } else if (opts.partial && b.type === null) issues.push({ field: 'type', message: 'type cannot be removed' });
  for (const f of ['lat', 'lng'] as const) {
    if (has(f)) {
      const n = coordinate(f, b[f], issues);
      if (n !== undefined) value[f] = n;
    } else if (opts.partial && b[f] === null) issues.push({ field: f, message: `${f} cannot be removed` });
  }
  if (has('services')) {
    const s = b.services;
    const bad = Array.isArray(s) ? s.find((x) => !(SERVICES as readonly unknown[]).includes(x)) : s;
    if (!Array.isArray(s) || bad !== undefined) {
      issues.push({ field: 'services', message: `services must be a list of ${SERVICES.join(', ')}; ${Array.isArray(s) ? `unknown service ${show(bad)}` : `got ${show(s)}`}` });
    } else value.services = SERVICES.filter((x) => s.includes(x));
  }
  if (has('opening_hours')) {
    const h = hours(b.opening_hours, issues);
    if (h !== undefined) value.opening_hours = h;
  }
  for (const f of ['phone', 'whatsapp'] as const) {
    if (!has(f)) continue;
    const raw = text(f, b[f], issues, 1, 40);
    if (raw === null) value[f] = null;
    else if (raw !== undefined) {
      const n = normalizeIndonesianPhone(raw, f === 'whatsapp');
      if (n) value[f] = n;
      else {
        const example = f === 'whatsapp' ? 'a mobile number such as +62 812-3456-7890 or 0812 3456 7890' : 'an Indonesian number such as (0366) 91234, +62 366 91234 or 0812-3456-7890';
        issues.push({ field: f, message: `${f} must be ${example}; got ${show(raw)}` });
      }
    }
  }
  for (const f of ['address', 'notes', 'location_note', 'external_id'] as const) {
    if (!has(f)) continue;
    const t = text(f, b[f], issues, 1, TEXT_MAX[f]);
    if (t !== undefined) value[f] = t;
  }
  if (has('accuracy')) {
    if ((ACCURACIES as readonly unknown[]).includes(b.accuracy)) value.accuracy = b.accuracy as Accuracy;
    else issues.push({ field: 'accuracy', message: `accuracy must be one of ${ACCURACIES.join(', ')}; got ${show(b.accuracy)}` });
  }
  if (has('status')) {
    if ((EDITABLE_STATUSES as readonly unknown[]).includes(b.status)) value.status = b.status as EditableStatus;
    else if (b.status === 'retired') issues.push({ field: 'status', message: 'status cannot be set to retired here; retire with DELETE /api/points/{id} (it can be restored)' });
    else issues.push({ field: 'status', message: `status must be one of ${EDITABLE_STATUSES.join(', ')}; got ${show(b.status)}` });
  }
  if (has('market_days')) {
    if (b.market_days === null) value.market_days = null;
    else {
      try {
        value.market_days = parseMarketDayRule(b.market_days, 'market_days') as MarketDayRule;
      } catch (e) {
        if (!(e instanceof InvalidInputError)) throw e;
        issues.push({ field: e.field, message: e.message });
      }
    }
  }
  for (const f of ['opens', 'closes'] as const) {
    if (!has(f)) continue;
    if (b[f] === null) value[f] = null;
    else if (isHhmm(b[f]) && b[f] !== (f === 'opens' ? '24:00' : '00:00')) value[f] = b[f] as string;
    else issues.push({ field: f, message: `${f} must be a time 'HH:MM' in 24-hour WITA time, e.g. ${f === 'opens' ? '05:00' : '10:00'}; got ${show(b[f])}` });
  }
  return { value, issues };
}

function inBox(p: LngLat, box: BBox): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

/**
 * Checks that need the whole point: the position inside the service region, and the market window
 * (opens and closes together, opens before closes).
 */
export function checkWholePoint(d: PointDraft, region: BBox): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const [lng, lat] = d.position;
  if (!inBox(d.position, region)) {
    const swapped = inBox([lat, lng], region) ? ' It looks like lat and lng are swapped.' : '';
    issues.push({
      field: 'lat',
      message: `The position lat ${lat}, lng ${lng} is outside the service region (lng ${region[0]} to ${region[2]}, lat ${region[1]} to ${region[3]}).${swapped} Place the pin inside the region.`,
    });
  }
  if ((d.opens === null) !== (d.closes === null)) {
    const missing = d.opens === null ? 'opens' : 'closes';
    issues.push({ field: missing, message: `${missing} is missing: give both opens and closes for a market window, or neither` });
  } else if (d.opens !== null && d.closes !== null && minutesOf(d.opens) >= minutesOf(d.closes)) {
    issues.push({ field: 'closes', message: `closes ${d.closes} must be after opens ${d.opens}` });
  }
  return issues;
}

/** Default values of the optional fields of a new point. */
export const DRAFT_DEFAULTS: Omit<PointDraft, 'name' | 'type' | 'position'> = {
  services: [], opening_hours: null, phone: null, whatsapp: null, address: null, accuracy: 'approximate',
  location_note: null, status: 'active', external_id: null, notes: null, market_days: null, opens: null, closes: null,
};

/**
 * Applies a checked patch over a base draft (the stored point, or the defaults for a new one) and runs
 * the whole-point checks. Returns the merged draft or every issue found.
 */
export function mergePointPatch(base: PointDraft, patch: PointPatch, region: BBox): { draft: PointDraft; issues: FieldIssue[] } {
  const { lat, lng, ...rest } = patch;
  const draft: PointDraft = { ...base, ...rest, position: [lng ?? base.position[0], lat ?? base.position[1]] };
  return { draft, issues: checkWholePoint(draft, region) };
}
