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
  /** Participants who did both tests at the same visit. */
  matched: { pairs: number; pre_pct: number | null; post_pct: number | null };
  wrong_most: { id: string; text: string | null; pre_n: number; pre_pct: number | null; post_n: number; post_pct: number | null }[];
  funnel: Funnel & {
    by_village: (Funnel & { village_code: string; village_name: string | null })[];
    by_visit: (Funnel & { visit_id: string; date: string | null; point_name: string | null })[];
  };
}

export interface Funnel {
  interested: number;
  contacted: number;
  registered: number;
}

export type InterestStatus = 'baru' | 'dihubungi' | 'terdaftar' | 'tidak_jadi';

/** One sign-up as GET /api/visits/:id/interest lists it (planners only; personal data). */
export interface InterestRecord {
  id: number;
  visit_id: string;
  name: string;
  whatsapp: string;
  village_code: string;
  village_name: string | null;
  programmes: string[];
  status: InterestStatus;
  created_at: string;
  delete_after: string;
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

/** A visit's outcome as GET/POST /api/visits/:id/outcome answer it: combined numbers, and `typed` for the form. */
export interface Outcome extends OutcomeInput {
  visit_id: string;
  date: string;
  point_name: string | null;
  /** When a planner last saved the form; null when only phones have recorded anything. */
  recorded_at: string | null;
  /** What a planner typed (prefills the form); null when nothing was typed. */
  typed: OutcomeInput | null;
  /** How much of each combined number came from the event page (phones, a facilitator's tablet) and from typing. */
  sources: Record<'attendees' | 'pretest' | 'posttest' | 'feedback' | 'interest', SourceCounts>;
}

export interface SourceCounts {
  phone: number;
  facilitator: number;
  typed: number;
}

/** One occurrence from GET /api/visits (the fields the outcome form needs). */
export interface PastVisit {
  id: string;
  point_name: string | null;
  starts_at: string;
  title: string;
  status: string;
}
