/**
 * One visit's outcome as the planner sees it: what the phones recorded (check-ins, answer sheets, feedback,
 * interest) joined with what a planner typed for everything else. Counts add up; awareness is weighted by
 * respondents; `sources` says how much of each number came from where.
 */
import { feedbackCounts, QuizAcc, type AnswerSheet, type FeedbackCounts, type MatchedStats, type PhaseStats, type QuestionStats } from './stats.js';
import { interestSummary, type InterestStatus, type InterestSummary } from './interest.js';

/** Per-source counts: from participants' phones, from a facilitator typing paper sheets, from the outcome form. */
export interface SourceCounts {
  phone: number;
  facilitator: number;
  typed: number;
}

/** What the event companion recorded for one visit. */
export interface EventPart {
  checkins: { phone: number; facilitator: number };
  sheets: AnswerSheet[];
  /** How many sheets per phase came from phones vs facilitators. */
  sheet_via: { pre: { phone: number; facilitator: number }; post: { phone: number; facilitator: number } };
  feedback_scores: number[];
  interest: { status: InterestStatus; village_code: string }[];
}

/** What a planner typed on the outcome form. */
export interface TypedPart {
  attendees: number;
  registrations: number;
  cards_issued: number;
  pretest?: { respondents: number; correct_pct: number };
  posttest?: { respondents: number; correct_pct: number };
  feedback?: FeedbackCounts;
}

export interface CombinedOutcome {
  attendees: number;
  registrations: number;
  cards_issued: number;
  /** Absent when nobody answered this phase (neither phones nor typed). */
  pretest?: PhaseStats;
  posttest?: PhaseStats;
  matched: MatchedStats;
  by_question: QuestionStats[];
  /** Absent when no feedback was collected at all. */
  feedback?: FeedbackCounts;
  interest: InterestSummary;
  sources: {
    attendees: SourceCounts;
    pretest: SourceCounts;
    posttest: SourceCounts;
    feedback: SourceCounts;
    interest: SourceCounts;
  };
}

const EMPTY_PART: EventPart = {
  checkins: { phone: 0, facilitator: 0 }, sheets: [], sheet_via: { pre: { phone: 0, facilitator: 0 }, post: { phone: 0, facilitator: 0 } },
  feedback_scores: [], interest: [],
};

/** Joins phones and typed figures of one visit (either may be missing). */
export function combineOutcome(typed: TypedPart | null, partIn: EventPart | null): CombinedOutcome {
  const part = partIn ?? EMPTY_PART;
  const acc = new QuizAcc();
  acc.addEvent(part.sheets);
  acc.addTyped('pre', typed?.pretest);
  acc.addTyped('post', typed?.posttest);
  const quiz = acc.stats();
  const phoneFeedback = feedbackCounts(part.feedback_scores);
  const typedFeedbackN = typed?.feedback ? Object.values(typed.feedback).reduce((a, b) => a + b, 0) : 0;
  const feedbackCollected = typed?.feedback !== undefined || part.feedback_scores.length > 0;
  const feedback = feedbackCollected
    ? (Object.fromEntries((['1', '2', '3', '4', '5'] as const).map((k) => [k, phoneFeedback[k] + (typed?.feedback?.[k] ?? 0)])) as FeedbackCounts)
    : undefined;
  const checkins = part.checkins.phone + part.checkins.facilitator;
  const out: CombinedOutcome = {
    attendees: checkins + (typed?.attendees ?? 0),
    registrations: typed?.registrations ?? 0,
    cards_issued: typed?.cards_issued ?? 0,
    matched: quiz.matched,
    by_question: quiz.by_question,
    interest: interestSummary(part.interest.map((i) => i.status)),
    sources: {
      attendees: { ...part.checkins, typed: typed?.attendees ?? 0 },
      pretest: { ...part.sheet_via.pre, typed: typed?.pretest?.respondents ?? 0 },
      posttest: { ...part.sheet_via.post, typed: typed?.posttest?.respondents ?? 0 },
      feedback: { phone: part.feedback_scores.length, facilitator: 0, typed: typedFeedbackN },
      interest: { phone: part.interest.length, facilitator: 0, typed: 0 },
    },
  };
  if (quiz.pretest.respondents > 0) out.pretest = quiz.pretest;
  if (quiz.posttest.respondents > 0) out.posttest = quiz.posttest;
  if (feedback) out.feedback = feedback;
  return out;
}
