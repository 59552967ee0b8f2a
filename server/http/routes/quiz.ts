import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json, jsonBody } from '../schemas.js';
import { actorOf, requireRole } from '../auth.js';
import { QUESTION_LIMITS } from '../../domain/events/questionInput.js';
import type { QuizBankService } from '../../services/events/quizBank.js';

const Choice = z.object({
  id: z.string({ error: 'a choice id must be one lower-case letter' }).regex(/^[a-z]$/, 'a choice id must be one lower-case letter, e.g. a; x is "Tidak tahu"'),
  text: z.string({ error: 'a choice needs text' }).min(1, 'a choice needs text').max(QUESTION_LIMITS.choice, `a choice has at most ${QUESTION_LIMITS.choice} characters`),
});

const content = {
  text: z.string({ error: 'text is required' }).min(5, 'text must be at least 5 characters').max(QUESTION_LIMITS.text, `text has at most ${QUESTION_LIMITS.text} characters`),
  choices: z.array(Choice).min(QUESTION_LIMITS.minChoices, `give ${QUESTION_LIMITS.minChoices}–${QUESTION_LIMITS.maxChoices} choices, one of them x = "Tidak tahu"`).max(QUESTION_LIMITS.maxChoices, `give at most ${QUESTION_LIMITS.maxChoices} choices`),
  answer: z.string({ error: 'answer must be a choice id' }).max(1, 'answer must be a choice id like b'),
  explanation: z.string({ error: 'explanation is required' }).min(1, 'explanation is required: one line shown after the post-test').max(QUESTION_LIMITS.explanation, `explanation has at most ${QUESTION_LIMITS.explanation} characters`),
  source: z.string({ error: 'source is required' }).min(3, 'source is required: where the fact comes from').max(QUESTION_LIMITS.source, `source has at most ${QUESTION_LIMITS.source} characters`),
};
const flags = {
  active: z.boolean({ error: 'active must be true or false' }).optional(),
  position: z.number({ error: 'position must be a whole number' }).int('position must be a whole number').min(0).max(1000).optional(),
};

export const QuizQuestion = z.object({
  id: z.string(), version: z.number().int(), text: z.string(), choices: z.array(z.object({ id: z.string(), text: z.string() })),
  answer: z.string().optional().openapi({ description: 'planners only' }),
  explanation: z.string().optional().openapi({ description: 'planners only' }),
  source: z.string().optional().openapi({ description: 'planners only' }),
  active: z.boolean().optional().openapi({ description: 'planners only' }),
  position: z.number().int().optional(),
}).openapi('QuizQuestion');

const qidParam = z.object({ qid: z.string().max(20, 'qid must be a question id like q3').openapi({ example: 'q3' }) });
const planner = requireRole('planner');
const forbidden = { 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not a planner or admin') };

const list = createRoute({
  method: 'get', path: '/quiz', tags: ['events'],
  summary: 'The active quiz questions, without answers (public); a planner also gets answer, explanation and source',
  request: { query: z.object({ all: z.enum(['true', 'false'], { error: 'all must be true or false' }).optional().openapi({ description: 'planners: include inactive questions' }) }) },
  responses: { 200: json(z.object({ questions: z.array(QuizQuestion) }), 'Questions in display order'), ...errors },
});

const create = createRoute({
  method: 'post', path: '/quiz/questions', tags: ['events'], middleware: planner,
  summary: 'Add a quiz question (planner); audited',
  request: { ...jsonBody(z.strictObject({ ...content, ...flags })) },
  responses: { 201: json(QuizQuestion, 'The new question'), ...errors, ...forbidden },
});

const update = createRoute({
  method: 'patch', path: '/quiz/questions/{qid}', tags: ['events'], middleware: planner,
  summary: 'Change a question (planner): in place while unanswered, otherwise as a new version so old scores keep their meaning',
  request: {
    params: qidParam,
    ...jsonBody(z.strictObject({ ...Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.optional()])), ...flags })),
  },
  responses: { 200: json(QuizQuestion, 'The question now'), ...errors, ...forbidden, 404: json(ErrorBody, 'Unknown question') },
});

const remove = createRoute({
  method: 'delete', path: '/quiz/questions/{qid}', tags: ['events'], middleware: planner,
  summary: 'Remove a never-answered question, or deactivate an answered one (planner)',
  request: { params: qidParam },
  responses: { 200: json(z.object({ id: z.string(), deleted: z.boolean(), active: z.boolean() }), 'Removed or deactivated'), ...forbidden, 404: json(ErrorBody, 'Unknown question') },
});

/** The quiz bank: public questions for the event page, and planners' editing. */
export function quizRoutes(bank: QuizBankService) {
  return createRouter()
    .openapi(list, (c) => {
      const user = c.get('user');
      const isPlanner = user !== undefined && (user.role === 'planner' || user.role === 'admin');
      c.header('Vary', 'Cookie');
      if (!isPlanner) {
        c.header('Cache-Control', 'no-cache');
        return c.json({ questions: bank.publicList() }, 200);
      }
      c.header('Cache-Control', 'private, no-store');
      return c.json({ questions: bank.plannerList(c.req.valid('query').all === 'true') }, 200);
    })
    .openapi(create, (c) => c.json(bank.create(c.req.valid('json') as never, actorOf(c)), 201))
    .openapi(update, (c) => c.json(bank.update(c.req.valid('param').qid, c.req.valid('json') as never, actorOf(c)), 200))
    .openapi(remove, (c) => c.json(bank.remove(c.req.valid('param').qid, actorOf(c)), 200));
}
