import { z } from '@hono/zod-openapi';
import { ALL_CODES, codeSpec } from '../domain/codes/index.js';
import { ACCURACIES, POINT_TYPES, SERVICES, STATUSES, WEEKDAYS } from '../domain/points/vocabulary.js';
import { VERIFY_METHODS } from '../domain/points/verification.js';

/** Documented response shapes. They describe the JSON; they are not used to re-validate our own output. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ALL_CODES as [string, ...string[]]).openapi({ description: 'Stable code from server/domain/codes; translate this, not the message' }),
      field: z.string().optional(),
      params: z.record(z.string(), z.unknown()).openapi({ description: 'What a translation of the code needs, e.g. {min, max, got}' }),
      message: z.string().openapi({ description: 'English, for API users' }),
    }),
  })
  .openapi('Error', {
    example: { error: { code: 'invalid', field: 'lat', params: {}, message: 'lat must be a number between -90 and 90' } },
  });

const WARNING_CODES = ALL_CODES.filter((c) => codeSpec(c)?.kind === 'warning');
const Params = z.record(z.string(), z.unknown()).openapi({ description: 'What a translation of the code needs (see server/domain/codes)' });

/** A code + params + English message, as every warning and import row problem carries. */
export const CodedWarning = z
  .object({ code: z.enum(WARNING_CODES as [string, ...string[]]), params: Params, message: z.string().openapi({ description: 'English, for API users' }) })
  .openapi('Warning');

/** One problem of an import row: where, which field, and the code + params + English message. */
export const RowProblem = z
  .object({ line: z.number().int(), field: z.string(), code: z.enum(ALL_CODES as [string, ...string[]]), params: Params, message: z.string() })
  .openapi('RowError');

const LngLatSchema = z.tuple([z.number(), z.number()]).openapi({ description: '[lng, lat]' });
const Span = z.object({ opens: z.string(), closes: z.string() });
const Weekly = z.enum(WEEKDAYS);

/** The properties of a point Feature: its stored fields plus the derived ones the public reads add. */
export const PointProperties = z
  .object({
    name: z.string(),
    type: z.enum(POINT_TYPES),
    village_code: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    whatsapp: z.string().nullable(),
    services: z.array(z.enum(SERVICES)),
    opening_hours: z.partialRecord(Weekly, z.array(Span)).nullable(),
    market_days: z.partialRecord(z.enum(['triwara', 'pancawara', 'saptawara', 'wuku']), z.array(z.string())).nullable(),
    opens: z.string().nullable(),
    closes: z.string().nullable(),
    accuracy: z.enum(ACCURACIES),
    location_note: z.string().nullable(),
    location_note_code: z.string().nullable().optional()
      .openapi({ description: "set on seeded notes: a code to say in the reader's language instead of the Indonesian location_note" }),
    verified_at: z.string().nullable(),
    verified_until: z.string().nullable().openapi({ description: 'ISO 8601: after this instant the check no longer counts' }),
    status: z.enum(STATUSES),
    source: z.string(),
    external_id: z.string().nullable(),
    notes: z.string().nullable(),
    updated_at: z.string(),
    verification: z
      .object({ method: z.enum(VERIFY_METHODS), at: z.string(), accuracy_m: z.number().nullable() })
      .nullable()
      .openapi({ description: 'how the last check was made; null when never checked' }),
    village_name: z.string().nullable().optional(),
    district_name: z.string().nullable().optional(),
    open_now: z.boolean().nullable().optional(),
    market_day_names: z.array(z.string()).nullable().optional().openapi({ description: 'the market-day rule\'s names, e.g. ["Pasah"]' }),
    next_market_day: z.string().nullable().optional().openapi({ description: 'YYYY-MM-DD from now in WITA; today while still open' }),
    distance_m: z.number().optional().openapi({ description: 'great-circle metres (nearest only)' }),
    stale: z.boolean().optional().openapi({ description: 'staff list only: not verified for 6 months' }),
  })
  .openapi('PointProperties');

export const PointFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.number().int(),
    geometry: z.object({ type: z.literal('Point'), coordinates: LngLatSchema }),
    properties: PointProperties,
  })
  .openapi('PointFeature');

export const PointCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(PointFeature) })
  .openapi('PointCollection');

/** A required JSON request body for createRoute's `request`: `request: { params, ...jsonBody(Schema) }`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

/** JSON response entry for createRoute's `responses`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The standard error responses, for createRoute's `responses`. */
export const errors = {
  400: json(ErrorBody, 'A parameter is missing or malformed; `error.field` names it'),
} as const;
