/**
 * A typed client for API tests: each route's answer is typed by server/http/contract.ts (derived from the
 * route schemas), so a test that reads a field the schema does not declare fails to compile.
 */
import type * as C from '../../server/http/contract.js';
import { jsonRequest, type TestApp } from './app.js';

/** GET routes and what they answer with 200. `{id}` is filled from `params`. */
export interface Reads {
  '/api/config': C.ClientConfig;
  '/api/info/registration': C.RegistrationInfo;
  '/api/points/nearest': C.PointCollection;
  '/api/points': C.PointCollection;
  '/api/points/{id}': C.PointFeature;
  '/api/points/{id}/market-days': C.MarketDays;
  '/api/points/{id}/history': { entries: C.AuditEntry[] };
  '/api/villages': C.VillageCollection;
  '/api/villages/locate': C.VillageFeature;
  '/api/regions': { regions: C.RegionSummary[] };
  '/api/visits': { visits: C.Visit[]; from: string; to: string; truncated: boolean };
  '/api/visits/{id}': C.VisitRecord;
  '/api/visits/{id}/outcome': C.Outcome;
  '/api/visits/{id}/event': C.EventWindow;
  '/api/visits/{id}/interest': { interest: C.InterestRecord[] };
  '/api/quiz': { questions: C.QuizQuestion[] };
  '/api/plans/day': C.DayPlan;
  '/api/coverage': C.Coverage;
  '/api/coverage/suggest': C.Suggestion;
  '/api/impact': C.Impact;
  '/api/staff/points': C.PointCollection & { total: number };
  '/api/staff/points/{id}': C.PointFeature;
  '/api/staff/recheck': { type: 'FeatureCollection'; features: C.RecheckItem[]; total: number };
  '/api/reports': { reports: C.ProblemReport[] };
  '/api/users': { users: C.UserListItem[] };
  '/api/auth/me': { user: C.User };
}

/** Write routes: the body they take and what they answer with on success. */
export interface Writes {
  'POST /api/visits': [C.VisitBody, C.SavedVisit];
  'PATCH /api/visits/{id}': [C.VisitPatchBody, C.SavedVisit];
  'POST /api/visits/{id}/outcome': [C.OutcomeInput, C.Outcome];
  'POST /api/points': [C.PointBody, C.WrittenPoint];
  'PATCH /api/points/{id}': [Partial<C.PointBody>, C.WrittenPoint];
  'POST /api/points/{id}/verify': [C.VerifyBody, C.WrittenPoint];
}

type Query = Record<string, string | number | undefined>;

/** A typed answer: the status, the parsed JSON (typed as the success answer) and the headers. */
export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

function fill(path: string, params: Record<string, string | number> = {}, query: Query = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(String(params[k])));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${filled}?${s}` : filled;
}

/** A client on the in-memory test app, signed in with `cookie` when given. */
export function apiClient(t: TestApp, cookie?: string) {
  return {
    async get<P extends keyof Reads>(path: P, opts: { params?: Record<string, string | number>; query?: Query } = {}): Promise<Answer<Reads[P]>> {
      const res = await t.app.request(fill(path, opts.params, opts.query), { headers: cookie ? { Cookie: cookie } : {} });
      return { status: res.status, body: (await res.json()) as Reads[P], headers: res.headers };
    },
    async send<R extends keyof Writes>(route: R, body: Writes[R][0], opts: { params?: Record<string, string | number>; headers?: Record<string, string> } = {}): Promise<Answer<Writes[R][1]>> {
      const [method, path] = route.split(' ');
      const init = jsonRequest(method, body, cookie);
      init.headers = { ...(init.headers as Record<string, string>), ...opts.headers };
      const res = await t.app.request(fill(path, opts.params), init);
      return { status: res.status, body: (await res.json()) as Writes[R][1], headers: res.headers };
    },
  };
}
