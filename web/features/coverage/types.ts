/** API shapes of GET /api/coverage and /api/coverage/suggest (see /api/openapi.json). Coordinates are [lng, lat]. */
import type { LngLat } from '../../api/types';

/** One village and how far its interior point is from the nearest registration opportunity. */
export interface CoverageVillage {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  /** Great-circle metres to the nearest reaching place; null when there is none at all. */
  distance_m: number | null;
  nearest_point_id: number | null;
  covered: boolean;
}

export interface Coverage {
  radius_km: number;
  days: number;
  covered: number;
  total: number;
  villages: CoverageVillage[];
}

export interface SuggestedSite {
  point_id: number;
  name: string;
  type: string;
  position: LngLat;
  /** Village codes this site newly reaches (each village credited to one site only). */
  newly_covered: string[];
}

export interface Suggestion {
  sites: SuggestedSite[];
  covered_before: number;
  covered_after: number;
  radius_km: number;
  days: number;
  k: number;
  types: string[];
  method: 'exhaustive' | 'greedy_swap';
  /** English, for the "detail" disclosure; the UI shows a translated summary. */
  guarantee: string;
}

/** GET /api/points/:id/market-days. */
export interface MarketDays {
  dates: string[];
  point_id: number;
  names: string[];
}

/** What a draft visit for a suggested site will be: the date and why that date. */
export interface DraftPlan {
  site: SuggestedSite;
  /** WITA civil date YYYY-MM-DD. */
  date: string;
  /** 'market' when the date is the venue's market day, 'weekday' otherwise. */
  reason: 'market' | 'weekday';
  marketNames: string[];
}
