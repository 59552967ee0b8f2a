import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json, jsonBody } from '../schemas.js';
import { actorOf, requireRole } from '../auth.js';
import type { OutcomeService, OutcomeView } from '../../services/outcomes.js';
import type { VersionService } from '../../services/versions.js';
import { INTEREST_STATUSES } from '../../domain/events/interest.js';
import { etagHeaders, IfMatchHeader, IfNoneMatchHeader, ifMatchOf, ifNoneMatchOf } from '../preconditions.js';

/** An optional WITA calendar day YYYY-MM-DD query parameter (the range check happens in the service). */
function dayParam(field: string) {
  return z
    .string({ error: `${field} must be given once, as a date YYYY-MM-DD` })
    .max(10, `${field} must be a date written YYYY-MM-DD, e.g. 2026-07-01`)
    .optional()
    .openapi({ type: 'string', format: 'date', example: field === 'from' ? '2026-01-01' : '2026-12-31' });
}

const districtParam = z
  .string({ error: 'district_code must be given once, like 51.06.01' })
  .max(20, 'district_code must be a district (kecamatan) code like 51.06.01')
  .optional()
  .openapi({ example: '51.06.01' });

const Totals = {
  visits: z.number().int(),
  attendees: z.number().int(),
  registrations: z.number().int(),
  cards_issued: z.number().int(),
  pretest_pct: z.number().nullable().openapi({ description: 'Σ(respondents × correct_pct) / Σ respondents, 1 decimal; null without respondents' }),
  posttest_pct: z.number().nullable(),
};

export const Impact = z
  .object({
    from: z.string(),
    to: z.string(),
    district_code: z.string().nullable(),
    ...Totals,
    by_district: z.array(z.object({ district_code: z.string(), district_name: z.string().nullable(), ...Totals })),
    by_month: z.array(z.object({ month: z.string().openapi({ example: '2026-07' }), ...Totals })),
    matched: z.object({ pairs: z.number().int(), pre_pct: z.number().nullable(), post_pct: z.number().nullable() })
      .openapi({ description: 'Participants who did both tests at the same visit: their mean scores before and after' }),
    wrong_most: z.array(z.object({ id: z.string(), text: z.string().nullable(), pre_n: z.number().int(), pre_pct: z.number().nullable(), post_n: z.number().int(), post_pct: z.number().nullable() }))
      .openapi({ description: 'Questions by share right before the talk, lowest first (at most 10)' }),
    funnel: z.object({
      interested: z.number().int(), contacted: z.number().int(), registered: z.number().int(),
      by_village: z.array(z.object({ village_code: z.string(), village_name: z.string().nullable(), interested: z.number().int(), contacted: z.number().int(), registered: z.number().int() })),
      by_visit: z.array(z.object({ visit_id: z.string(), date: z.string().nullable(), point_name: z.string().nullable(), interested: z.number().int(), contacted: z.number().int(), registered: z.number().int() })),
    }).openapi({ description: 'Follow-up of sign-ups: interested → contacted (dihubungi or terdaftar) → registered (terdaftar)' }),
  })
  .openapi('Impact');

// Field types are documented here but checked by the domain (validateOutcome), whose messages name the
// exact field (e.g. pretest.correct_pct) and say how to fix it; so every field is z.unknown() here.
const quizDoc = (name: string) =>
  z.unknown().optional().openapi({
    type: 'object',
    description: `${name} awareness quiz: respondents (whole number ≤ attendees) and correct_pct (0–100)`,
    properties: { respondents: { type: 'integer', minimum: 0 }, correct_pct: { type: 'number', minimum: 0, maximum: 100 } },
    required: ['respondents', 'correct_pct'],
  } as never);

const OutcomeBody = z
  .object({
    attendees: z.unknown().optional().openapi({ type: 'integer', minimum: 0 }),
    registrations: z.unknown().optional().openapi({ type: 'integer', minimum: 0, description: 'new BPU enrolments; at most attendees' }),
    cards_issued: z.unknown().optional().openapi({ type: 'integer', minimum: 0 }),
    pretest: quizDoc('Before the session'),
    posttest: quizDoc('After the session'),
    feedback: z.unknown().optional().openapi({ type: 'object', description: 'counts per rating, keys "1".."5"', example: { '4': 10, '5': 3 } }),
    notes: z.unknown().optional().openapi({ type: 'string', maxLength: 2000 }),
  })
  .passthrough()
  .openapi('VisitOutcomeInput', {
    required: ['attendees', 'registrations', 'cards_issued'],
    additionalProperties: false,
    description: 'Counts only: never names or NIKs. Unknown fields are refused.',
    example: { attendees: 40, registrations: 12, cards_issued: 15, pretest: { respondents: 30, correct_pct: 42.5 }, posttest: { respondents: 28, correct_pct: 81 } },
  } as never);

const Quiz = z.object({ respondents: z.number().int(), correct_pct: z.number() });
/** A combined quiz phase: respondents from phones and typing; correct_pct null without respondents. */
const Phase = z.object({ respondents: z.number().int(), correct_pct: z.number().nullable() });
const Feedback = z.partialRecord(z.enum(['1', '2', '3', '4', '5']), z.number().int()).openapi({ description: 'counts per rating' });
const Sources = z.object({ phone: z.number().int(), facilitator: z.number().int(), typed: z.number().int() });
const Matched = z.object({ pairs: z.number().int(), pre_pct: z.number().nullable(), post_pct: z.number().nullable() });

/** What a planner typed on the outcome form (prefills the form). */
const TypedOutcome = z.object({
  attendees: z.number().int(),
  registrations: z.number().int(),
  cards_issued: z.number().int(),
  pretest: Quiz.optional(),
  posttest: Quiz.optional(),
  feedback: Feedback.optional(),
  notes: z.string().optional(),
  recorded_at: z.string(),
});

/** A visit's outcome, as GET/POST /api/visits/:id/outcome answer it: combined numbers (phones + typed), `typed` and `sources`. */
export const Outcome = z
  .object({
    visit_id: z.string(),
    date: z.string().openapi({ description: 'the visit date, WITA YYYY-MM-DD' }),
    point_id: z.number().int(),
    point_name: z.string(),
    district_code: z.string(),
    district_name: z.string().nullable(),
    recorded_at: z.string().nullable().openapi({ description: 'when a planner last saved the form; null when only phones recorded anything' }),
    notes: z.string().optional(),
    attendees: z.number().int(),
    registrations: z.number().int(),
    cards_issued: z.number().int(),
    pretest: Phase.optional(),
    posttest: Phase.optional(),
    matched: Matched,
    by_question: z.array(z.object({ id: z.string(), pre_n: z.number().int(), pre_pct: z.number().nullable(), post_n: z.number().int(), post_pct: z.number().nullable() })),
    feedback: Feedback.optional(),
    interest: z.object({ total: z.number().int(), by_status: z.record(z.enum(INTEREST_STATUSES), z.number().int()) }),
    sources: z.object({ attendees: Sources, pretest: Sources, posttest: Sources, feedback: Sources, interest: Sources }),
    typed: TypedOutcome.nullable().openapi({ description: 'what a planner typed; null when nothing was typed' }),
  })
  .openapi('VisitOutcome');

const visitIdParam = z.object({
  id: z.string().min(1).max(100, 'id must be a visit id from GET /api/visits').openapi({ example: '12', description: 'occurrence id from GET /api/visits: a visit id or `${series_id}:YYYY-MM-DD`' }),
});

const planner = requireRole('planner');
const forbidden = { 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not a planner or admin') };

const recordOutcome = createRoute({
  method: 'post',
  path: '/visits/{id}/outcome',
  tags: ['impact'],
  summary: 'Record what a visit achieved (counts only); recording again replaces the earlier outcome and is audited',
  middleware: planner,
  request: {
    params: visitIdParam,
    headers: IfMatchHeader.extend(IfNoneMatchHeader.shape),
    ...jsonBody(OutcomeBody),
  },
  responses: {
    200: json(Outcome, 'The recorded outcome'),
    412: json(ErrorBody, 'precondition_failed: If-Match names an older outcome, or If-None-Match: * met one recorded meanwhile'),
    ...errors,
    ...forbidden,
    404: json(ErrorBody, 'Unknown visit'),
    409: json(ErrorBody, 'The visit is cancelled, a draft, or has not started yet'),
  },
});

const getOutcome = createRoute({
  method: 'get',
  path: '/visits/{id}/outcome',
  tags: ['impact'],
  summary: 'The recorded outcome of a visit',
  middleware: planner,
  request: { params: visitIdParam },
  responses: {
    200: { ...json(Outcome, 'The outcome'), headers: { ETag: { schema: { type: 'string' }, description: 'The version of the outcome, for If-Match' } } },
    ...forbidden,
    404: json(ErrorBody, 'Unknown visit or no outcome yet'),
  },
});

const impact = createRoute({
  method: 'get',
  path: '/impact',
  tags: ['impact'],
  summary: 'What outreach visits achieved from..to (WITA days): totals, respondent-weighted awareness, by district and month',
  description: 'Defaults: to = today (WITA), from = 364 days earlier. Planner or admin.',
  middleware: planner,
  request: { query: z.object({ from: dayParam('from'), to: dayParam('to'), district_code: districtParam }) },
  responses: { 200: json(Impact, 'Impact summary'), ...errors, ...forbidden },
});

const impactCsv = createRoute({
  method: 'get',
  path: '/impact.csv',
  tags: ['impact'],
  summary: 'The impact figures from..to as CSV (UTF-8): one row per visit (default), per question (table=questions) or per village of the follow-up funnel (table=villages)',
  middleware: planner,
  request: {
    query: z.object({
      from: dayParam('from'), to: dayParam('to'), district_code: districtParam,
      table: z.enum(['visits', 'questions', 'villages'], { error: 'table must be visits, questions or villages' }).optional(),
    }),
  },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV with a header row' }, ...errors, ...forbidden },
});

const CSV_COLUMNS = [
  'visit_id', 'date', 'point_id', 'point_name', 'district_code', 'district_name', 'attendees', 'registrations', 'cards_issued',
  'pretest_respondents', 'pretest_correct_pct', 'posttest_respondents', 'posttest_correct_pct',
  'feedback_1', 'feedback_2', 'feedback_3', 'feedback_4', 'feedback_5',
  'checkins', 'matched_pairs', 'matched_pre_pct', 'matched_post_pct', 'interested', 'contacted', 'registered',
] as const;

/** Spreadsheet apps run cells starting with = + - @ as formulas; prefix such text with ' (OWASP CSV injection). */
function safeText(s: string | null): string {
  if (s === null) return '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvRow(o: OutcomeView): (string | number)[] {
  return [
    o.visit_id, o.date, o.point_id, safeText(o.point_name), o.district_code, safeText(o.district_name),
    o.attendees, o.registrations, o.cards_issued,
    o.pretest?.respondents ?? '', o.pretest?.correct_pct ?? '', o.posttest?.respondents ?? '', o.posttest?.correct_pct ?? '',
    ...(['1', '2', '3', '4', '5'] as const).map((k) => o.feedback?.[k] ?? ''),
    o.sources.attendees.phone + o.sources.attendees.facilitator, o.matched.pairs, o.matched.pre_pct ?? '', o.matched.post_pct ?? '',
    o.interest.total, o.interest.by_status.dihubungi + o.interest.by_status.terdaftar, o.interest.by_status.terdaftar,
  ];
}

/** Visit outcomes (POST/GET /api/visits/:id/outcome) and impact (GET /api/impact, /api/impact.csv); planner or admin. */
export function impactRoutes(service: OutcomeService, versions: VersionService) {
  return createRouter()
    .openapi(recordOutcome, async (c) => {
      const { id } = c.req.valid('param');
      const [ifMatch, ifNoneMatch] = [ifMatchOf(c), ifNoneMatchOf(c)];
      const saved = service.record(id, c.req.valid('json'), actorOf(c), () => {
        const current = versions.outcomeEtag(id);
        versions.require(ifMatch, current);
        versions.requireNone(ifNoneMatch, current);
      });
      return c.json(saved, 200, etagHeaders(versions.outcomeEtag(id)));
    })
    .openapi(getOutcome, (c) => {
      const { id } = c.req.valid('param');
      return c.json(service.get(id), 200, etagHeaders(versions.outcomeEtag(id)));
    })
    .openapi(impact, (c) => {
      const q = c.req.valid('query');
      return c.json(service.impact(q.from, q.to, q.district_code), 200);
    })
    .openapi(impactCsv, (c) => {
      const q = c.req.valid('query');
      let body: string;
      let from: string;
      let to: string;
      if (q.table === 'questions' || q.table === 'villages') {
        const im = service.impact(q.from, q.to, q.district_code);
        ({ from, to } = im);
        body = q.table === 'questions'
          ? stringify([['question_id', 'text', 'pre_n', 'pre_pct', 'post_n', 'post_pct'],
            ...im.wrong_most.map((x) => [x.id, safeText(x.text), x.pre_n, x.pre_pct ?? '', x.post_n, x.post_pct ?? ''])])
          : stringify([['village_code', 'village_name', 'interested', 'contacted', 'registered'],
            ...im.funnel.by_village.map((v) => [v.village_code, safeText(v.village_name), v.interested, v.contacted, v.registered])]);
      } else {
        const r = service.outcomesBetween(q.from, q.to, q.district_code);
        ({ from, to } = r);
        body = stringify([[...CSV_COLUMNS], ...r.outcomes.map(csvRow)]);
      }
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="jangkau-impact${q.table && q.table !== 'visits' ? `-${q.table}` : ''}-${from}-${to}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}
