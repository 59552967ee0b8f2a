/**
 * What outreach visits achieved: sums and respondent-weighted awareness scores, overall, per district
 * and per month. Pure arithmetic; validation of a single outcome lives in outcome.ts.
 */

/** A pre- or post-visit awareness quiz: how many answered and the share of correct answers (0–100). */
export interface QuizResult {
  respondents: number;
  correct_pct: number;
}

/** Counts of feedback scores 1 (poor) … 5 (excellent). */
export type FeedbackCounts = Record<'1' | '2' | '3' | '4' | '5', number>;

/** The recorded result of one outreach visit. */
export interface VisitOutcome {
  visit_id: string | number;
  /** Calendar day of the visit in WITA, YYYY-MM-DD. */
  date: string;
  district_code: string;
  attendees: number;
  /** New BPJS Ketenagakerjaan registrations; never more than attendees. */
  registrations: number;
  /** Membership cards handed out (may include existing members, so may exceed registrations). */
  cards_issued: number;
  pretest?: QuizResult;
  posttest?: QuizResult;
  feedback?: FeedbackCounts;
  notes?: string;
}

/** Totals for a group of visits; awareness percentages are weighted by respondents, 1 decimal, null without respondents. */
export interface ImpactTotals {
  visits: number;
  attendees: number;
  registrations: number;
  cards_issued: number;
  pretest_pct: number | null;
  posttest_pct: number | null;
}

export interface ImpactSummary extends ImpactTotals {
  /** Sorted by district_code. */
  by_district: (ImpactTotals & { district_code: string })[];
  /** Sorted by month, 'YYYY-MM' (WITA, taken from the visit date). */
  by_month: (ImpactTotals & { month: string })[];
}

/** Running sums; percentages stay as respondent-weighted sums until the end so rounding happens once. */
class Acc {
  visits = 0;
  attendees = 0;
  registrations = 0;
  cards_issued = 0;
  preN = 0;
  preSum = 0;
  postN = 0;
  postSum = 0;

  add(o: VisitOutcome): void {
    this.visits++;
    this.attendees += o.attendees;
    this.registrations += o.registrations;
    this.cards_issued += o.cards_issued;
    if (o.pretest) { this.preN += o.pretest.respondents; this.preSum += o.pretest.respondents * o.pretest.correct_pct; }
    if (o.posttest) { this.postN += o.posttest.respondents; this.postSum += o.posttest.respondents * o.posttest.correct_pct; }
  }

  totals(): ImpactTotals {
    return {
      visits: this.visits,
      attendees: this.attendees,
      registrations: this.registrations,
      cards_issued: this.cards_issued,
      pretest_pct: weighted(this.preSum, this.preN),
      posttest_pct: weighted(this.postSum, this.postN),
    };
  }
}

/**
 * Summarise visit outcomes. Awareness % = Σ(respondents × correct_pct) / Σ respondents, because a quiz
 * answered by 40 people should count 40× one answered by 1; rounded to 1 decimal, null when nobody answered.
 */
export function summarizeImpact(outcomes: readonly VisitOutcome[]): ImpactSummary {
  const all = new Acc();
  const byDistrict = new Map<string, Acc>();
  const byMonth = new Map<string, Acc>();
  const into = (map: Map<string, Acc>, key: string) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new Acc()));
    return acc;
  };
  for (const o of outcomes) {
    all.add(o);
    into(byDistrict, o.district_code).add(o);
    into(byMonth, o.date.slice(0, 7)).add(o);
  }
  const sortedKeys = (map: Map<string, Acc>) => [...map.keys()].sort();
  return {
    ...all.totals(),
    by_district: sortedKeys(byDistrict).map((district_code) => ({ district_code, ...byDistrict.get(district_code)!.totals() })),
    by_month: sortedKeys(byMonth).map((month) => ({ month, ...byMonth.get(month)!.totals() })),
  };
}

function weighted(sum: number, n: number): number | null {
  if (n === 0) return null;
  // Snap to 1e-6 of a tenth first: float sums differ in the last bits with visit order, and 85.35 must
  // not become 85.3 in one order and 85.4 in another. Halves round up.
  const tenths = Math.round((sum / n) * 1e7) / 1e6;
  return Math.round(tenths) / 10;
}

export { validateOutcome } from './outcome.js';
