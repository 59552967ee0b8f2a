/** Shapes of GET /api/coverage, /api/coverage/suggest and /api/points/:id/market-days (from server/http/contract.ts). */
import type { SuggestedSite } from '../../../server/http/contract';

export type { Coverage, CoverageVillage, MarketDays, SuggestedSite, Suggestion } from '../../../server/http/contract';

/** What a draft visit for a suggested site will be: the date and why that date. */
export interface DraftPlan {
  site: SuggestedSite;
  /** WITA civil date YYYY-MM-DD. */
  date: string;
  /** 'market' when the date is the venue's market day, 'weekday' otherwise. */
  reason: 'market' | 'weekday';
  marketNames: string[];
}
