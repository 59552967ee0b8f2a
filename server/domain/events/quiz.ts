/**
 * Quiz questions and scoring. A question has a stable id (`q1`) and numbered versions: once a version has been
 * answered it is never changed, so a score always means "right against the key of the version that was shown".
 */
import { InvalidInputError } from '../errors.js';

/** The id of the choice every question carries for "Tidak tahu" (don't know). It is never the right answer. */
export const DONT_KNOW = 'x';

export interface QuizChoice {
  id: string;
  text: string;
}

/** One version of a question as stored. */
export interface QuizQuestion {
  id: string;
  version: number;
  text: string;
  choices: QuizChoice[];
  /** Id of the right choice. */
  answer: string;
  /** One line shown after the post-test. */
  explanation: string;
  /** Where the fact comes from (data file and field, or a published source). */
  source: string;
  active: boolean;
  /** Display order, ascending. */
  position: number;
}

export type QuizPhase = 'pre' | 'post';
export const QUIZ_PHASES: readonly QuizPhase[] = ['pre', 'post'];

/** One scored answer: which question version, which choice, right or not. */
export interface ScoredAnswer {
  question_id: string;
  question_version: number;
  choice: string;
  correct: boolean;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** correct / total × 100, 1 decimal. */
  score_pct: number;
}

/**
 * Scores `answers` ({question id: choice id}) against the current versions in `bank` (by id). An unknown
 * question or a choice the question does not have is an InvalidInputError naming `answers.<id>`.
 * "Tidak tahu" counts as answered and not right.
 */
export function scoreAnswers(answers: Record<string, string>, bank: ReadonlyMap<string, QuizQuestion>): { score: QuizScore; scored: ScoredAnswer[] } {
  const scored: ScoredAnswer[] = [];
  for (const [qid, choice] of Object.entries(answers)) {
    const q = bank.get(qid);
    if (!q) {
      throw new InvalidInputError(`answers.${qid.slice(0, 40)}`, `unknown question "${qid.slice(0, 40)}"; use the ids from GET /api/quiz`, {
        code: 'unknown_question', params: { question: qid.slice(0, 40) },
      });
    }
    if (!q.choices.some((c) => c.id === choice)) {
      throw new InvalidInputError(`answers.${qid}`, `question ${qid} has no choice "${String(choice).slice(0, 20)}"; use one of ${q.choices.map((c) => c.id).join(', ')}`, {
        code: 'unknown_choice', params: { question: qid, choice: String(choice).slice(0, 20), allowed: q.choices.map((c) => c.id) },
      });
    }
    scored.push({ question_id: qid, question_version: q.version, choice, correct: choice === q.answer });
  }
  const correct = scored.filter((s) => s.correct).length;
  const total = scored.length;
  return { score: { correct, total, score_pct: total === 0 ? 0 : Math.round((correct / total) * 1000) / 10 }, scored };
}
