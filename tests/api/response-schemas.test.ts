/**
 * The route schemas are the source of the web's types (server/http/contract.ts), so they must say exactly what
 * the routes send. Each real answer is parsed with its schema (which fails on a wrong type or a missing field)
 * and must come out unchanged (zod drops keys the schema does not declare, so an undeclared field fails too).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from '@hono/zod-openapi';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { apiClient } from '../helpers/client.js';
import { upload } from './importHelpers.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';
import { ErrorBody, PointCollection, PointFeature } from '../../server/http/schemas.js';
import { VillageCollection, VillageFeature } from '../../server/http/routes/villages.js';
import { ClientConfig } from '../../server/http/routes/config.js';
import { Visit, VisitRecord, VisitResult } from '../../server/http/routes/visits.js';
import { OptionsResponse } from '../../server/http/routes/options.js';
import { Coverage, Suggestion } from '../../server/http/routes/coverage.js';
import { MarketDays } from '../../server/http/routes/calendar.js';
import { Impact, Outcome } from '../../server/http/routes/impact.js';
import { DayPlan } from '../../server/http/routes/plans.js';
import { User } from '../../server/http/routes/auth.js';
import { UserSummary } from '../../server/http/routes/users.js';
import { Written } from '../../server/http/routes/pointEdits.js';
import { AuditEntry } from '../../server/http/routes/audit.js';
import { Report } from '../../server/http/routes/reports.js';
import { ImportReportSchema } from '../../server/http/routes/importExport.js';
import { RecheckItem } from '../../server/http/routes/recheck.js';
import { RegistrationInfo } from '../../server/http/routes/info.js';
import { Regions } from '../../server/http/routes/regions.js';
import { Pack } from '../../server/http/routes/packs.js';
import { EventWindow, InterestRecord, QuizScore } from '../../server/http/routes/events.js';
import { QuizQuestion } from '../../server/http/routes/quiz.js';
import { jsonRequest } from '../helpers/app.js';
import { code, eventWorld, post } from './events-fixture.js';

let t: TestApp;
let planner: string;
let staff: string;
let admin: string;
let market: number;
let visitId: string;

/** Parses `body` with `schema` and expects nothing to change: no error, no dropped key, no coerced value. */
function conforms(schema: z.ZodType, body: unknown) {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toStrictEqual(body);
}

const list = <T extends z.ZodType>(item: T) => z.array(item);

beforeAll(async () => {
  t = makeTestApp();
  planner = (await loginAs(t, 'planner')).cookie;
  staff = (await loginAs(t, 'staff')).cookie;
  admin = (await loginAs(t, 'admin')).cookie;
  market = addTestPoint(t);
  // A visit in the past (TEST_NOW is 2026-11-25), so it can get an outcome, and a clashing one beside it.
  const p = apiClient(t, planner);
  const saved = await p.send('POST /api/visits', visitBody(market, '2026-11-20', { team: 'Tim A' }) as never);
  expect(saved.status).toBe(201);
  visitId = String(saved.body.id);
  const clash = await p.send('POST /api/visits', visitBody(market, '2026-11-20', { team: 'Tim A', title: 'Sosialisasi' }) as never);
  expect(clash.body.warnings.length).toBeGreaterThan(0);
  conforms(VisitResult, clash.body);
});

describe('route schemas describe the real answers', () => {
  it('public point answers: nearest, bbox page, one point and market days', async () => {
    const c = apiClient(t);
    const nearest = await c.get('/api/points/nearest', { query: { lat: -8.45, lng: 115.35, limit: 20 } });
    expect(nearest.body.features.length).toBe(20);
    conforms(PointCollection, nearest.body);
    const page = await c.get('/api/points', { query: { bbox: '115.2,-8.6,115.5,-8.1', limit: 5000 } });
    expect(page.body.features.length).toBeGreaterThan(50);
    conforms(PointCollection, page.body);
    conforms(PointFeature, (await c.get('/api/points/{id}', { params: { id: nearest.body.features[0].id } })).body);
    conforms(PointFeature, (await c.get('/api/points/{id}', { params: { id: market } })).body);
    conforms(MarketDays, (await c.get('/api/points/{id}/market-days', { params: { id: market } })).body);
  });

  it('villages, config, options and the coverage answers', async () => {
    const c = apiClient(t);
    conforms(VillageCollection, (await c.get('/api/villages')).body);
    conforms(VillageCollection, (await c.get('/api/villages', { query: { geometry: 'simplified' } })).body);
    conforms(VillageFeature, (await c.get('/api/villages/locate', { query: { lat: -8.45, lng: 115.35 } })).body);
    conforms(ClientConfig, (await c.get('/api/config')).body);
    conforms(RegistrationInfo, (await c.get('/api/info/registration')).body);
    const options = await t.app.request('/api/options?lat=-8.45&lng=115.35');
    conforms(OptionsResponse, await options.json());
    conforms(Coverage, (await c.get('/api/coverage')).body);
    conforms(Suggestion, (await c.get('/api/coverage/suggest', { query: { k: 2 } })).body);
  });

  it("visits, a visit record, the day plan, an outcome and impact, as a planner sees them", async () => {
    const c = apiClient(t, planner);
    const visits = await c.get('/api/visits', { query: { from: '2026-11-01', to: '2026-12-31' } });
    expect(visits.body.visits.length).toBeGreaterThan(0);
    conforms(list(Visit), visits.body.visits);
    conforms(list(Visit), (await apiClient(t).get('/api/visits', { query: { from: '2026-11-01', to: '2026-12-31' } })).body.visits);
    conforms(VisitRecord, (await c.get('/api/visits/{id}', { params: { id: visitId } })).body);
    const plan = await c.get('/api/plans/day', { query: { date: '2026-11-20', team: 'Tim A', start_lat: -8.45, start_lng: 115.35 } });
    expect(plan.body.stops.length).toBe(2);
    conforms(DayPlan, plan.body);
    const outcome = await c.send('POST /api/visits/{id}/outcome', {
      attendees: 40, registrations: 12, cards_issued: 15,
      pretest: { respondents: 30, correct_pct: 42.5 }, posttest: { respondents: 28, correct_pct: 81 }, feedback: { '4': 10 }, notes: 'Hujan sore.',
    }, { params: { id: visitId } });
    expect(outcome.status).toBe(200);
    conforms(Outcome, outcome.body);
    conforms(Outcome, (await c.get('/api/visits/{id}/outcome', { params: { id: visitId } })).body);
    conforms(Impact, (await c.get('/api/impact', { query: { from: '2026-11-01', to: '2026-11-30' } })).body);
  });

  it('staff answers: list, one point, a write with a duplicate warning, history, queue, reports, import', async () => {
    const c = apiClient(t, staff);
    const all = await c.get('/api/staff/points', { query: { filter: 'all' } });
    conforms(PointCollection.extend({ total: z.number().int() }), all.body);
    conforms(PointFeature, (await c.get('/api/staff/points/{id}', { params: { id: market } })).body);
    const written = await c.send('POST /api/points', {
      name: 'Pasar Uji Kembar', type: 'market', lat: -8.4492, lng: 115.3551, services: ['information'], address: null, phone: null,
      whatsapp: null, opening_hours: null, market_days: null, opens: null, closes: null, status: 'active', accuracy: 'approximate', notes: null,
    });
    expect(written.status).toBe(201);
    expect(written.body.warnings.map((w) => w.code)).toEqual(['possible_duplicate']);
    conforms(Written, written.body);
    conforms(Written, (await c.send('POST /api/points/{id}/verify', { method: 'office_confirmed' }, { params: { id: written.body.id } })).body);
    const history = await c.get('/api/points/{id}/history', { params: { id: written.body.id } });
    expect(history.body.entries.length).toBe(2);
    conforms(list(AuditEntry), history.body.entries);
    const queue = await c.get('/api/staff/recheck');
    conforms(list(RecheckItem), queue.body.features);
    const filed = await t.app.request(`/api/points/${market}/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'wrong_phone' }) });
    expect(filed.status).toBe(201);
    const reports = await c.get('/api/reports', { query: { status: 'open' } });
    expect(reports.body.reports.length).toBe(1);
    conforms(list(Report), reports.body.reports);
    const csv = 'name,type,lat,lng\nBalai Uji,community_hall,-8.41,115.37\nPasar Salah,bazaar,-8.30,115.35\n';
    const dry = await t.app.request('/api/import?dry_run=true', upload(csv, 'text/csv', staff));
    expect(dry.status).toBe(200);
    const preview = await dry.json();
    expect(preview.errors.length).toBe(1);
    conforms(ImportReportSchema, preview);
    const refused = await t.app.request('/api/import', upload(csv, 'text/csv', staff));
    expect(refused.status).toBe(422);
    conforms(ImportReportSchema.extend({ error: ErrorBody.shape.error }), await refused.json());
  });

  it('who is signed in, and the user list an admin sees', async () => {
    const c = apiClient(t, admin);
    conforms(User, (await c.get('/api/auth/me')).body.user);
    conforms(list(UserSummary), (await c.get('/api/users')).body.users);
  });

  it('regions, the villages of a region, and the event companion: window, quiz, score, sign-ups, a phones-only outcome, impact', async () => {
    const c = apiClient(t);
    const regions = (await c.get('/api/regions')).body;
    expect(regions.regions.length).toBeGreaterThan(0);
    conforms(Regions, regions);
    conforms(z.object({ packs: list(Pack) }), await (await t.app.request('/api/packs')).json());
    const inRegion = (await c.get('/api/villages', { query: { region: regions.regions[0].code, geometry: 'simplified' } })).body;
    expect(inRegion.features.length).toBeGreaterThan(0);
    conforms(VillageCollection, inRegion);

    const w = await eventWorld();
    const json = async (res: Response) => res.json() as Promise<unknown>;
    const phone = apiClient(w.t);
    const p = apiClient(w.t, w.planner);
    conforms(EventWindow, (await phone.get('/api/visits/{id}/event', { params: { id: w.today } })).body);
    conforms(EventWindow, (await phone.get('/api/visits/{id}/event', { params: { id: w.future } })).body);
    conforms(z.object({ questions: list(QuizQuestion) }), (await phone.get('/api/quiz')).body);
    conforms(z.object({ questions: list(QuizQuestion) }), (await p.get('/api/quiz', { query: { all: 'true' } })).body);
    expect((await post(w.t, w.today, 'checkins', { participant: code('r1') })).status).toBe(201);
    const pre = await post(w.t, w.today, 'quiz', { participant: code('r1'), phase: 'pre', answers: { q1: 'b', q2: 'x' } });
    expect(pre.status).toBe(201);
    conforms(QuizScore, await json(pre));
    const after = await json(await post(w.t, w.today, 'quiz', { participant: code('r1'), phase: 'post', answers: { q1: 'b', q2: 'a' } }));
    expect((after as { review: unknown[] }).review.length).toBeGreaterThan(0);
    conforms(QuizScore, after);
    expect((await post(w.t, w.today, 'feedback', { participant: code('r1'), score: 5 })).status).toBe(201);
    const signUp = await post(w.t, w.today, 'interest', {
      participant: code('r1'), name: 'Made Sutrisna', whatsapp: '0812-3456-7890', village_code: w.village.code, programmes: ['JKK'], consent: true,
    });
    const { id } = (await signUp.json()) as { id: number };
    conforms(z.object({ interest: list(InterestRecord) }), (await p.get('/api/visits/{id}/interest', { params: { id: w.today } })).body);
    conforms(InterestRecord, await json(await w.t.app.request(`/api/visits/${w.today}/interest/${id}`, jsonRequest('PATCH', { status: 'dihubungi' }, w.planner))));
    const phonesOnly = (await p.get('/api/visits/{id}/outcome', { params: { id: w.today } })).body;
    expect(phonesOnly).toMatchObject({ recorded_at: null, typed: null, attendees: 1 });
    conforms(Outcome, phonesOnly);
    const impact = (await p.get('/api/impact', { query: { from: '2026-11-01', to: '2026-11-30' } })).body;
    expect(impact).toMatchObject({ funnel: { interested: 1, contacted: 1 } });
    conforms(Impact, impact);
  });
});
