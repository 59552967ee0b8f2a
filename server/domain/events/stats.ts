/**
 * What the phones at one event (or many) add up to: respondents and scores before and after, matched pairs,
 * per-question rates and feedback counts. Pure arithmetic over stored answer sheets.
 */
import { pct1 } from './percent.js';
import type { QuizPhase } from './quiz.js';

/** One participant's answers in one phase, each marked right or not. */
export interface AnswerSheet {
  participant: string;
  phase: QuizPhase;
  answers: { question_id: string; correct: boolean }[];
}

export interface PhaseStats {
  respondents: number;
  /** Mean of the respondents' scores (each person counts once), 1 decimal; null without respondents. */
  correct_pct: number | null;
}

export interface MatchedStats {
  /** Participants who answered both the pre-test and the post-test. */
  pairs: number;
  /** Mean pre-test score of those participants, 1 decimal; null without pairs. */
  pre_pct: number | null;
  post_pct: number | null;
}

export interface QuestionStats {
  id: string;
  pre_n: number;
  /** Share of pre-test answers to this question that were right, 1 decimal; null when nobody answered it. */
  pre_pct: number | null;
  post_n: number;
  post_pct: number | null;
}

export interface QuizStats {
  pretest: PhaseStats;
  posttest: PhaseStats;
  matched: MatchedStats;
  /** Sorted by question id. */
  by_question: QuestionStats[];
}

/** Running sums kept exact (counts and score fractions) so rounding happens once at the end. */
export class QuizAcc {
  private readonly phase = { pre: { n: 0, sum: 0 }, post: { n: 0, sum: 0 } };
  private readonly pairs = { n: 0, pre: 0, post: 0 };
  private readonly questions = new Map<string, { pre: [number, number]; post: [number, number] }>();

  /** Adds the sheets of one event; `sheets` may hold both phases of many participants (one sheet per participant and phase). */
  addEvent(sheets: readonly AnswerSheet[]): void {
    const byParticipant = new Map<string, Partial<Record<QuizPhase, number>>>();
    for (const s of sheets) {
      if (s.answers.length === 0) continue;
      const score = s.answers.filter((a) => a.correct).length / s.answers.length;
      this.phase[s.phase].n++;
      this.phase[s.phase].sum += score;
      const p = byParticipant.get(s.participant) ?? {};
      p[s.phase] = score;
      byParticipant.set(s.participant, p);
      for (const a of s.answers) {
        let q = this.questions.get(a.question_id);
        if (!q) this.questions.set(a.question_id, (q = { pre: [0, 0], post: [0, 0] }));
        q[s.phase][0] += a.correct ? 1 : 0;
        q[s.phase][1] += 1;
      }
    }
    for (const p of byParticipant.values()) {
      if (p.pre === undefined || p.post === undefined) continue;
      this.pairs.n++;
      this.pairs.pre += p.pre;
      this.pairs.post += p.post;
    }
  }

  /**
   * Adds what a planner typed for one event (people without a phone): `respondents` answered with a mean of
   * `correct_pct`. They count in the phase totals only (they have no answers to pair or split by question).
   */
  addTyped(phase: QuizPhase, typed: { respondents: number; correct_pct: number } | undefined): void {
    if (!typed) return;
    this.phase[phase].n += typed.respondents;
    this.phase[phase].sum += (typed.respondents * typed.correct_pct) / 100;
  }

  stats(): QuizStats {
    const phase = (k: QuizPhase): PhaseStats => ({ respondents: this.phase[k].n, correct_pct: pct1(this.phase[k].sum, this.phase[k].n) });
    return {
      pretest: phase('pre'),
      posttest: phase('post'),
      matched: { pairs: this.pairs.n, pre_pct: pct1(this.pairs.pre, this.pairs.n), post_pct: pct1(this.pairs.post, this.pairs.n) },
      by_question: [...this.questions.keys()].sort().map((id) => {
        const q = this.questions.get(id)!;
        return { id, pre_n: q.pre[1], pre_pct: pct1(q.pre[0], q.pre[1]), post_n: q.post[1], post_pct: pct1(q.post[0], q.post[1]) };
      }),
    };
  }
}

/** Quiz statistics of one event's answer sheets. */
export function quizStats(sheets: readonly AnswerSheet[]): QuizStats {
  const acc = new QuizAcc();
  acc.addEvent(sheets);
  return acc.stats();
}

/** Counts of feedback scores 1 (poor) … 5 (excellent). */
export type FeedbackCounts = Record<'1' | '2' | '3' | '4' | '5', number>;

/** Counts feedback scores (whole numbers 1–5; anything else is ignored). */
export function feedbackCounts(scores: readonly number[]): FeedbackCounts {
  const out: FeedbackCounts = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const s of scores) if (Number.isInteger(s) && s >= 1 && s <= 5) out[String(s) as keyof FeedbackCounts]++;
  return out;
}
