/**
 * What the event companion adds to the impact page over many visits: matched gains (pairs are made within one
 * visit, never across), the questions people get wrong most, and the follow-up funnel by village and by visit.
 */
import { QuizAcc, type MatchedStats, type QuestionStats } from './stats.js';
import { funnel, funnelBy, type FunnelCounts } from './interest.js';
import type { EventPart } from './outcome.js';

export interface EventImpact {
  matched: MatchedStats;
  /** Every question answered in the range, the most often wrong before the talk first (lowest pre_pct; unanswered last). */
  wrong_most: QuestionStats[];
  funnel: FunnelCounts & {
    by_village: (FunnelCounts & { village_code: string })[];
    by_visit: (FunnelCounts & { visit_id: string })[];
  };
}

/** Sums the event parts of many visits. */
export function eventImpact(visits: readonly { visit_id: string; part: EventPart | null }[]): EventImpact {
  const acc = new QuizAcc();
  const interest: { visit_id: string; village_code: string; status: EventPart['interest'][number]['status'] }[] = [];
  for (const v of visits) {
    if (!v.part) continue;
    acc.addEvent(v.part.sheets);
    for (const i of v.part.interest) interest.push({ visit_id: v.visit_id, ...i });
  }
  const stats = acc.stats();
  const order = (q: QuestionStats) => (q.pre_pct === null ? 101 : q.pre_pct);
  return {
    matched: stats.matched,
    wrong_most: [...stats.by_question].sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id)),
    funnel: {
      ...funnel(interest.map((i) => i.status)),
      by_village: funnelBy(interest.map((i) => ({ key: i.village_code, status: i.status }))).map((g) => ({ village_code: g.key, ...g.funnel })),
      by_visit: funnelBy(interest.map((i) => ({ key: i.visit_id, status: i.status }))).map((g) => ({ visit_id: g.key, ...g.funnel })),
    },
  };
}
