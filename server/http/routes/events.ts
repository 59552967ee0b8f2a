import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json, jsonBody } from '../schemas.js';
import { actorOf, requireRole } from '../auth.js';
import { clientIp } from '../clientIp.js';
import { limitGuardedBody } from '../bodyGuard.js';
import { ValidationError } from '../../errors.js';
import { parseParticipant } from '../../domain/events/participant.js';
import { INTEREST_STATUSES, PROGRAMMES } from '../../domain/events/interest.js';
import { FEEDBACK_COMMENT_MAX, type ParticipationService, type Writer } from '../../services/events/participation.js';
import { INTEREST_NAME_MAX, type InterestService } from '../../services/events/interest.js';
import type { AppEnv } from '../env.js';
import { withRetryAfter } from '../retryAfter.js';

/** Largest body a public event write may have, in bytes (a full quiz is well under 1 KB). */
export const EVENT_BODY_MAX_BYTES = 8 * 1024;
/** Most answers one quiz submission may carry. */
export const MAX_ANSWERS = 20;

// bodyGuard (app.ts) caps every API body at 1 MiB first; event writes get this much smaller cap on top.
const limitBody = limitGuardedBody(EVENT_BODY_MAX_BYTES);

const visitIdParam = z.object({
  id: z.string().min(1).max(100, 'id must be a visit occurrence id from GET /api/visits').openapi({ example: 's12:2026-12-07', description: 'occurrence id: v7 or s12:2026-12-07' }),
});
const participant = z.string({ error: 'participant is required: "p-" and 8–64 random letters or digits' }).max(80, 'participant must be "p-" and 8–64 random letters or digits')
  .openapi({ example: 'p-3kq9Xb2mTz', pattern: '^p-[A-Za-z0-9_-]{8,64}$' });

export const EventWindow = z.object({
  visit_id: z.string(), open: z.boolean(), reason: z.enum(['event_not_scheduled', 'event_not_open_yet', 'event_window_closed']).optional(),
  opens_at: z.string(), closes_at: z.string(),
}).openapi('EventWindow');

const closed = { 409: json(ErrorBody, 'Not scheduled, or outside 2 h before start … 24 h after end (code event_not_scheduled, event_not_open_yet, event_window_closed) or full (event_full)') };
const publicErrors = {
  ...errors, 404: json(ErrorBody, 'Unknown visit or a whole series'), ...closed,
  413: json(ErrorBody, 'Body too large'), 429: json(ErrorBody, 'Too many writes from this client; see Retry-After'),
};
const plannerOnly = { 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not a planner or admin'), 404: json(ErrorBody, 'Unknown visit or record') };
const planner = requireRole('planner');

const windowRoute = createRoute({
  method: 'get', path: '/visits/{id}/event', tags: ['events'],
  summary: 'Whether the event page of a visit takes check-ins, answers and feedback now, and when it opens and closes (public)',
  request: { params: visitIdParam },
  responses: { 200: json(EventWindow, 'The window'), ...errors, 404: json(ErrorBody, 'Unknown visit') },
});

const checkin = createRoute({
  method: 'post', path: '/visits/{id}/checkins', tags: ['events'], middleware: limitBody,
  summary: '"Saya hadir": count one participant (public). 201 the first time, 200 when that participant already checked in',
  request: { params: visitIdParam, ...jsonBody(z.strictObject({ participant })) },
  responses: { 201: json(z.object({ checked_in: z.literal(true) }), 'Counted'), 200: json(z.object({ checked_in: z.literal(true) }), 'Already counted'), ...publicErrors },
});

export const Review = z.object({ id: z.string(), text: z.string(), choice: z.string().nullable(), answer: z.string(), correct: z.boolean(), explanation: z.string() });
/** What POST /api/visits/:id/quiz answers: the score, and after the post-test the review. */
export const QuizScore = z.object({ correct: z.number().int(), total: z.number().int(), score_pct: z.number(), review: z.array(Review).optional() }).openapi('QuizScore');
const quiz = createRoute({
  method: 'post', path: '/visits/{id}/quiz', tags: ['events'], middleware: limitBody,
  summary: 'Pre-test or post-test answers of one participant (public); a repeat for the same participant and phase replaces them',
  description: 'Answering also checks the participant in. After the post-test the answer carries `review`: every question with its right answer and one line of explanation.',
  request: {
    params: visitIdParam,
    ...jsonBody(z.strictObject({
      participant,
      phase: z.enum(['pre', 'post'], { error: 'phase must be pre or post' }),
      answers: z.record(z.string().max(40, 'a question id has at most 40 characters'), z.string({ error: 'each answer must be a choice id like "b"' }).max(10, 'each answer must be a choice id like "b"'))
        .openapi({ example: { q1: 'b', q2: 'a', q3: 'x' } }),
    })),
  },
  responses: { 201: json(QuizScore, 'Scored'), ...publicErrors },
});

const feedback = createRoute({
  method: 'post', path: '/visits/{id}/feedback', tags: ['events'], middleware: limitBody,
  summary: 'A score 1–5 and an optional comment (public; no NIK); a repeat for the same participant replaces it',
  request: {
    params: visitIdParam,
    ...jsonBody(z.strictObject({
      participant,
      score: z.number({ error: 'score must be a whole number 1–5' }).int('score must be a whole number 1–5').min(1, 'score must be 1–5').max(5, 'score must be 1–5'),
      comment: z.string({ error: 'comment must be text' }).max(FEEDBACK_COMMENT_MAX, `comment has at most ${FEEDBACK_COMMENT_MAX} characters`).nullable().optional(),
    })),
  },
  responses: { 201: json(z.object({ received: z.literal(true) }), 'Stored'), ...publicErrors },
});

export const InterestBody = z.strictObject({
  participant: participant.optional().openapi({ description: 'the phone\'s participant code: sending again replaces the same record' }),
  name: z.string({ error: 'name is required' }).max(INTEREST_NAME_MAX, `name has at most ${INTEREST_NAME_MAX} characters`),
  whatsapp: z.string({ error: 'whatsapp is required: a mobile number like 0812 3456 7890' }).max(30, 'whatsapp must be a mobile number like 0812 3456 7890'),
  village_code: z.string({ error: 'village_code is required: a code from GET /api/villages' }).max(20, 'village_code must be a code from GET /api/villages'),
  programmes: z.array(z.enum(PROGRAMMES, { error: `each programme must be one of ${PROGRAMMES.join(', ')}` })).min(1, 'choose at least one programme').max(3, 'choose at most 3 programmes'),
  consent: z.unknown().optional().openapi({ type: 'boolean', description: 'must be true' }),
});
const signUp = createRoute({
  method: 'post', path: '/visits/{id}/interest', tags: ['events'], middleware: limitBody,
  summary: '"Saya mau didaftarkan / dihubungi": name, WhatsApp, village and programmes, with consent (public)',
  description: 'Kept until 90 days after the visit ended, or deleted at once on request. Same window as check-ins.',
  request: { params: visitIdParam, ...jsonBody(InterestBody) },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Recorded'), 200: json(z.object({ id: z.number().int() }), 'Replaced (same participant)'), ...publicErrors },
});

export const InterestRecord = z.object({
  id: z.number().int(), visit_id: z.string(), name: z.string(), whatsapp: z.string(), village_code: z.string(), village_name: z.string().nullable(),
  programmes: z.array(z.string()), status: z.enum(INTEREST_STATUSES), created_at: z.string(), updated_at: z.string(), delete_after: z.string(),
}).openapi('InterestRecord');
const interestList = createRoute({
  method: 'get', path: '/visits/{id}/interest', tags: ['events'], middleware: planner,
  summary: 'The sign-ups of a visit with their follow-up status (planner)',
  request: { params: visitIdParam },
  responses: { 200: json(z.object({ interest: z.array(InterestRecord) }), 'Sign-ups, oldest first'), ...plannerOnly },
});
const interestParams = z.object({ id: visitIdParam.shape.id, interest_id: z.string().regex(/^[1-9]\d{0,12}$/, 'interest_id must be a record id').transform(Number) });
const interestStatus = createRoute({
  method: 'patch', path: '/visits/{id}/interest/{interest_id}', tags: ['events'], middleware: planner,
  summary: 'Change the follow-up status: baru, dihubungi, terdaftar, tidak_jadi (planner; audited without personal data)',
  request: { params: interestParams, ...jsonBody(z.strictObject({ status: z.enum(INTEREST_STATUSES, { error: `status must be one of ${INTEREST_STATUSES.join(', ')}` }) })) },
  responses: { 200: json(InterestRecord, 'The record'), ...errors, ...plannerOnly },
});
const interestDelete = createRoute({
  method: 'delete', path: '/visits/{id}/interest/{interest_id}', tags: ['events'], middleware: planner,
  summary: 'Delete a sign-up at once, on the person\'s request (planner; audited without personal data)',
  request: { params: interestParams },
  responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Deleted'), ...errors, ...plannerOnly },
});

/** A signed-in planner typing paper sheets is a facilitator (no rate limit); everyone else is a phone. */
function writer(c: Context<AppEnv>, trustProxy: boolean): Writer {
  const user = c.get('user');
  const facilitator = user !== undefined && (user.role === 'planner' || user.role === 'admin');
  return { via: facilitator ? 'facilitator' : 'phone', clientKey: clientIp(c, trustProxy) };
}


/** The event companion: window, check-ins, quiz answers, feedback and interest sign-ups. */
export function eventRoutes(participation: ParticipationService, interest: InterestService, opts: { trustProxy: boolean }) {
  return createRouter()
    .openapi(windowRoute, (c) => {
      const w = participation.window(c.req.valid('param').id);
      return c.json({ visit_id: w.visit_id, open: w.open, ...(w.open ? {} : { reason: w.reason }), opens_at: w.opens_at, closes_at: w.closes_at }, 200);
    })
    .openapi(checkin, (c) => {
      const body = c.req.valid('json');
      const p = parseParticipant(body.participant);
      const { created } = withRetryAfter(c, () => participation.checkin(c.req.valid('param').id, p, writer(c, opts.trustProxy)));
      return c.json({ checked_in: true as const }, created ? 201 : 200);
    })
    .openapi(quiz, (c) => {
      const body = c.req.valid('json');
      const p = parseParticipant(body.participant);
      const count = Object.keys(body.answers).length;
      if (count > MAX_ANSWERS) throw new ValidationError('answers', `send at most ${MAX_ANSWERS} answers; got ${count}`, { code: 'too_many_answers', params: { max: MAX_ANSWERS } });
      const score = withRetryAfter(c, () => participation.answer(c.req.valid('param').id, { participant: p, phase: body.phase, answers: body.answers }, writer(c, opts.trustProxy)));
      return c.json(score, 201);
    })
    .openapi(feedback, (c) => {
      const body = c.req.valid('json');
      const p = parseParticipant(body.participant);
      withRetryAfter(c, () => participation.feedback(c.req.valid('param').id, { participant: p, score: body.score, comment: body.comment }, writer(c, opts.trustProxy)));
      return c.json({ received: true as const }, 201);
    })
    .openapi(signUp, (c) => {
      const body = c.req.valid('json');
      const p = body.participant === undefined ? undefined : parseParticipant(body.participant);
      const r = withRetryAfter(c, () => interest.signUp(c.req.valid('param').id, { ...body, participant: p, consent: body.consent === true }, writer(c, opts.trustProxy)));
      return c.json({ id: r.id }, r.created ? 201 : 200);
    })
    .openapi(interestList, (c) => {
      c.header('Cache-Control', 'private, no-store');
      return c.json({ interest: interest.list(c.req.valid('param').id) }, 200);
    })
    .openapi(interestStatus, (c) => {
      const { id, interest_id } = c.req.valid('param');
      return c.json(interest.setStatus(id, interest_id, c.req.valid('json').status, actorOf(c)), 200);
    })
    .openapi(interestDelete, (c) => {
      const { id, interest_id } = c.req.valid('param');
      interest.remove(id, interest_id, actorOf(c));
      return c.json({ deleted: true as const }, 200);
    });
}
