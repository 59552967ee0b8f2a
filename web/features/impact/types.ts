/** Shapes of GET /api/impact and /api/visits/:id/outcome (from server/http/contract.ts). */
import type { Visit } from '../../../server/http/contract';

export type { Impact, ImpactTotals, Outcome, OutcomeInput, Quiz } from '../../../server/http/contract';

/** One occurrence from GET /api/visits (the fields the outcome form needs). */
export type PastVisit = Pick<Visit, 'id' | 'point_name' | 'starts_at' | 'title' | 'status'>;
