/** Shapes of GET /api/impact, /api/visits/:id/outcome, /interest and /api/quiz (from server/http/contract.ts). */
import type { Visit } from '../../../server/http/contract';

export type {
  Funnel, Impact, ImpactTotals, InterestRecord, InterestStatus, Outcome, OutcomeInput, Quiz, QuizQuestion, SourceCounts, TypedOutcome,
} from '../../../server/http/contract';

/** One occurrence from GET /api/visits (the fields the outcome form needs). */
export type PastVisit = Pick<Visit, 'id' | 'point_name' | 'starts_at' | 'title' | 'status'>;
