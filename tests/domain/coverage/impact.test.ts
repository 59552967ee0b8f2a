import { describe, expect, it } from 'vitest';
import { summarizeImpact, type VisitOutcome } from '../../../server/domain/coverage/impact.js';
import { seededRandom } from '../../helpers/random.js';

const handExample: VisitOutcome[] = [
  { visit_id: 1, date: '2025-01-10', district_code: '51.06.01', attendees: 40, registrations: 10, cards_issued: 12, pretest: { respondents: 20, correct_pct: 50 }, posttest: { respondents: 20, correct_pct: 80 } },
  { visit_id: 2, date: '2025-01-20', district_code: '51.06.04', attendees: 25, registrations: 5, cards_issued: 5, pretest: { respondents: 5, correct_pct: 90 }, posttest: { respondents: 10, correct_pct: 96 } },
  { visit_id: 3, date: '2025-02-03', district_code: '51.06.01', attendees: 30, registrations: 8, cards_issued: 10 },
];

describe('summarizeImpact', () => {
  it('weights awareness by respondents (hand-computed example)', () => {
    const s = summarizeImpact(handExample);
    // pretest: (20×50 + 5×90) / 25 = 58.0 (a plain mean of visits would say 70)
    // posttest: (20×80 + 10×96) / 30 = 85.333… → 85.3 (a plain mean would say 88)
    expect(s).toMatchObject({ visits: 3, attendees: 95, registrations: 23, cards_issued: 27, pretest_pct: 58, posttest_pct: 85.3 });
    expect(s.by_district).toEqual([
      { district_code: '51.06.01', visits: 2, attendees: 70, registrations: 18, cards_issued: 22, pretest_pct: 50, posttest_pct: 80 },
      { district_code: '51.06.04', visits: 1, attendees: 25, registrations: 5, cards_issued: 5, pretest_pct: 90, posttest_pct: 96 },
    ]);
    expect(s.by_month).toEqual([
      { month: '2025-01', visits: 2, attendees: 65, registrations: 15, cards_issued: 17, pretest_pct: 58, posttest_pct: 85.3 },
      { month: '2025-02', visits: 1, attendees: 30, registrations: 8, cards_issued: 10, pretest_pct: null, posttest_pct: null },
    ]);
  });

  it('gives zeros and null percentages for no visits', () => {
    expect(summarizeImpact([])).toEqual({ visits: 0, attendees: 0, registrations: 0, cards_issued: 0, pretest_pct: null, posttest_pct: null, by_district: [], by_month: [] });
  });

  it('gives null, not 0 or NaN, when quizzes had no respondents', () => {
    const s = summarizeImpact([{ ...handExample[2], pretest: { respondents: 0, correct_pct: 40 } }]);
    expect(s.pretest_pct).toBeNull();
  });

  it('rounds to one decimal', () => {
    const s = summarizeImpact([
      { ...handExample[2], pretest: { respondents: 3, correct_pct: 100 } },
      { ...handExample[2], visit_id: 4, pretest: { respondents: 0 + 6, correct_pct: 0 } },
    ]);
    expect(s.pretest_pct).toBe(33.3);
  });

  it('rounds halves up, whatever the order of visits', () => {
    // (1×85.3 + 1×85.4) / 2 = 85.35 → 85.4, though 85.35 × 10 is 853.4999… in floating point.
    const a = { ...handExample[2], posttest: { respondents: 1, correct_pct: 85.3 } };
    const b = { ...handExample[2], visit_id: 5, posttest: { respondents: 1, correct_pct: 85.4 } };
    expect(summarizeImpact([a, b]).posttest_pct).toBe(85.4);
    expect(summarizeImpact([b, a]).posttest_pct).toBe(85.4);
  });

  it('keeps its invariants on 300 random sets of visits', () => {
    const districts = ['51.06.01', '51.06.02', '51.06.03', '51.06.04'];
    for (let seed = 1; seed <= 300; seed++) {
      const rand = seededRandom(seed);
      const int = (n: number) => Math.floor(rand() * n);
      const outcomes: VisitOutcome[] = Array.from({ length: int(15) }, (_, i) => {
        const attendees = int(80);
        const quiz = () => (rand() < 0.7 ? { respondents: int(attendees + 1), correct_pct: Math.round(rand() * 1000) / 10 } : undefined);
        return {
          visit_id: i + 1,
          date: `2025-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`,
          district_code: districts[int(4)],
          attendees,
          registrations: int(attendees + 1),
          cards_issued: int(100),
          pretest: quiz(),
          posttest: quiz(),
        };
      });
      const s = summarizeImpact(outcomes);
      for (const groups of [s.by_district, s.by_month]) {
        for (const key of ['visits', 'attendees', 'registrations', 'cards_issued'] as const) {
          expect(groups.reduce((a, g) => a + g[key], 0)).toBe(s[key]);
        }
      }
      expect(s.visits).toBe(outcomes.length);
      // Same answer in any order.
      expect(summarizeImpact(outcomes.slice().reverse())).toEqual(s);
      // Weighted mean lies between the smallest and largest percentage that had respondents.
      const answered = outcomes.flatMap((o) => (o.pretest && o.pretest.respondents > 0 ? [o.pretest] : []));
      if (answered.length === 0) expect(s.pretest_pct).toBeNull();
      else {
        const lo = Math.min(...answered.map((q) => q.correct_pct));
        const hi = Math.max(...answered.map((q) => q.correct_pct));
        expect(s.pretest_pct!).toBeGreaterThanOrEqual(lo - 0.05);
        expect(s.pretest_pct!).toBeLessThanOrEqual(hi + 0.05);
        const n = answered.reduce((a, q) => a + q.respondents, 0);
        const exact = answered.reduce((a, q) => a + q.respondents * q.correct_pct, 0) / n;
        expect(Math.abs(s.pretest_pct! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
      }
    }
  });
});
