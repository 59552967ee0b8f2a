import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feedbackCounts, QuizAcc, quizStats, type AnswerSheet } from '../../../server/domain/events/stats.js';

const sheet = (participant: string, phase: 'pre' | 'post', marks: string): AnswerSheet => ({
  participant, phase, answers: [...marks].map((m, i) => ({ question_id: `q${i + 1}`, correct: m === '1' })),
});

describe('quizStats', () => {
  // Hand calculation. A: pre 1/5, post 4/5. B: pre 3/5, post 5/5. C: pre 2/5 only. D: post 3/5 only.
  const sheets = [
    sheet('A', 'pre', '10000'), sheet('A', 'post', '11110'),
    sheet('B', 'pre', '11100'), sheet('B', 'post', '11111'),
    sheet('C', 'pre', '01100'),
    sheet('D', 'post', '00111'),
  ];
  const s = quizStats(sheets);

  it('averages the respondents\' scores per phase', () => {
    // pre: (20 + 60 + 40) / 3 = 40; post: (80 + 100 + 60) / 3 = 80.
    expect(s.pretest).toEqual({ respondents: 3, correct_pct: 40 });
    expect(s.posttest).toEqual({ respondents: 3, correct_pct: 80 });
  });

  it('pairs only the participants who did both tests', () => {
    // A and B: pre (20 + 60) / 2 = 40, post (80 + 100) / 2 = 90.
    expect(s.matched).toEqual({ pairs: 2, pre_pct: 40, post_pct: 90 });
  });

  it('gives the share right per question and phase', () => {
    // q1 pre: A1 B1 C0 → 2/3 = 66.7; post: A1 B1 D0 → 66.7. q5 pre 0/3 = 0, post: A0 B1 D1 → 66.7.
    expect(s.by_question[0]).toEqual({ id: 'q1', pre_n: 3, pre_pct: 66.7, post_n: 3, post_pct: 66.7 });
    expect(s.by_question[2]).toEqual({ id: 'q3', pre_n: 3, pre_pct: 66.7, post_n: 3, post_pct: 100 });
    expect(s.by_question[4]).toEqual({ id: 'q5', pre_n: 3, pre_pct: 0, post_n: 3, post_pct: 66.7 });
  });

  it('answers null percentages and zero counts for an event nobody answered', () => {
    expect(quizStats([])).toEqual({
      pretest: { respondents: 0, correct_pct: null }, posttest: { respondents: 0, correct_pct: null },
      matched: { pairs: 0, pre_pct: null, post_pct: null }, by_question: [],
    });
  });

  it('weights typed-in respondents with the phones: 3 phones at 40 % and 7 typed at 60 % are 54 %', () => {
    const acc = new QuizAcc();
    acc.addEvent(sheets);
    acc.addTyped('pre', { respondents: 7, correct_pct: 60 });
    // (3 × 40 + 7 × 60) / 10 = 54.
    expect(acc.stats().pretest).toEqual({ respondents: 10, correct_pct: 54 });
    expect(acc.stats().matched.pairs).toBe(2);
  });

  const arbSheets = fc.array(
    fc.record({
      participant: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
      phase: fc.constantFrom('pre' as const, 'post' as const),
      answers: fc.array(fc.record({ question_id: fc.constantFrom('q1', 'q2', 'q3', 'q4'), correct: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    }),
    { maxLength: 20 },
  ).map((list) => {
    // One sheet per participant and phase, as the store keeps it (a repeat replaces).
    const seen = new Map<string, AnswerSheet>();
    for (const s of list) seen.set(`${s.participant}/${s.phase}`, s);
    return [...seen.values()];
  });

  const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

  it('equals a brute-force recount on random events', () => {
    fc.assert(fc.property(arbSheets, (sheets) => {
      const got = quizStats(sheets);
      for (const phase of ['pre', 'post'] as const) {
        const mine = sheets.filter((s) => s.phase === phase);
        const scores = mine.map((s) => (100 * s.answers.filter((a) => a.correct).length) / s.answers.length);
        const key = phase === 'pre' ? 'pretest' : 'posttest';
        expect(got[key].respondents).toBe(mine.length);
        expect(got[key].correct_pct).toBe(mine.length ? round1(scores.reduce((a, b) => a + b, 0) / mine.length) : null);
      }
      const people = [...new Set(sheets.map((s) => s.participant))].filter((p) => sheets.some((s) => s.participant === p && s.phase === 'pre') && sheets.some((s) => s.participant === p && s.phase === 'post'));
      expect(got.matched.pairs).toBe(people.length);
      for (const q of got.by_question) {
        let right = 0;
        let n = 0;
        for (const s of sheets) if (s.phase === 'pre') for (const a of s.answers) if (a.question_id === q.id) { n++; if (a.correct) right++; }
        expect(q.pre_n).toBe(n);
        expect(q.pre_pct).toBe(n ? round1((100 * right) / n) : null);
      }
    }));
  });

  it('does not depend on the order of the sheets', () => {
    fc.assert(fc.property(arbSheets, (sheets) => {
      expect(quizStats([...sheets].reverse())).toEqual(quizStats(sheets));
    }));
  });
});

describe('feedbackCounts', () => {
  it('counts each score 1–5 and ignores anything else', () => {
    expect(feedbackCounts([5, 4, 5, 1, 0, 6, 2.5])).toEqual({ '1': 1, '2': 0, '3': 0, '4': 1, '5': 2 });
  });
});
