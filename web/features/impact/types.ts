/** API shapes of GET /api/impact and /api/visits/:id/outcome (see /api/openapi.json). */

export interface ImpactTotals {
  visits: number;
  attendees: number;
  registrations: number;
  cards_issued: number;
  /** Respondent-weighted share of correct answers before the session (0–100, 1 decimal); null without respondents. */
  pretest_pct: number | null;
  posttest_pct: number | null;
}

export interface Impact extends ImpactTotals {
  from: string;
  to: string;
  district_code: string | null;
  by_district: (ImpactTotals & { district_code: string; district_name: string | null })[];
  by_month: (ImpactTotals & { month: string })[];
}

export interface Quiz {
  respondents: number;
  correct_pct: number;
}

/** What POST /api/visits/:id/outcome accepts (counts only, never names or NIKs). */
export interface OutcomeInput {
  attendees?: number;
  registrations?: number;
  cards_issued?: number;
  pretest?: Partial<Quiz>;
  posttest?: Partial<Quiz>;
  feedback?: Partial<Record<'1' | '2' | '3' | '4' | '5', number>>;
  notes?: string;
}

/** A recorded outcome as GET/POST /api/visits/:id/outcome answer it. */
export interface Outcome extends OutcomeInput {
  visit_id: string;
  date: string;
  point_name: string | null;
  recorded_at: string;
}

/** One occurrence from GET /api/visits (the fields the outcome form needs). */
export interface PastVisit {
  id: string;
  point_name: string | null;
  starts_at: string;
  title: string;
  status: string;
}
