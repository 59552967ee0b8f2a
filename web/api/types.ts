/** Shapes returned by the API (see /api/openapi.json). Coordinates are [lng, lat]. */

export type LngLat = [number, number];

export interface PointProps {
  name: string;
  type: 'village_office' | 'district_office' | 'market' | 'community_hall' | 'bpjs_office' | 'service_partner' | 'other';
  services: ('registration' | 'information' | 'card_printing' | 'claims' | 'payment')[];
  accuracy: 'exact' | 'approximate';
  location_note: string | null;
  village_code: string | null;
  village_name: string | null;
  district_name: string | null;
  status: 'active' | 'temporarily_closed' | 'retired';
  address: string | null;
  phone: string | null;
  whatsapp: string | null;
  opening_hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { opens: string; closes: string }[]>> | null;
  open_now: boolean | null;
  market_days: Partial<Record<'triwara' | 'pancawara' | 'saptawara' | 'wuku', string[]>> | null;
  opens: string | null;
  closes: string | null;
  /** The market-day rule's names, e.g. ["Pasah"]; null when not a market-day place. */
  market_day_names?: string[] | null;
  /** The next market date (YYYY-MM-DD, WITA) from now: today while the market is still open. */
  next_market_day?: string | null;
  verified_at: string | null;
  /** How the last check was made; null when never checked (or before methods were recorded). */
  verification?: { method: 'gps' | 'pin_on_tiles' | 'import' | 'office_confirmed'; at: string; accuracy_m: number | null } | null;
  /** After this instant the check no longer counts. */
  verified_until?: string | null;
  source: string;
  external_id: string | null;
  notes: string | null;
  updated_at: string;
  distance_m?: number;
}

export interface PointFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: LngLat };
  properties: PointProps;
}

export interface PointCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

export interface VillageProps {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  kind: 'desa' | 'kelurahan';
  postal_code: string | null;
  interior_lat: number;
  interior_lng: number;
}

export interface VillageFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  properties: VillageProps;
}

export interface VillageCollection {
  type: 'FeatureCollection';
  features: VillageFeature[];
}

export interface ClientConfig {
  tile_url: string | null;
  tile_attribution: string | null;
}

/** Outreach visit activities (issue 4), in the order the forms list them. */
export type Activity = 'sosialisasi' | 'pendaftaran' | 'cetak_kartu' | 'konsultasi' | 'klaim';
export const ACTIVITIES: Activity[] = ['sosialisasi', 'pendaftaran', 'cetak_kartu', 'konsultasi', 'klaim'];
export type VisitStatus = 'scheduled' | 'cancelled' | 'draft';

/**
 * One occurrence from GET /api/visits (a single visit, or one date of a series). Times are ISO 8601 with
 * +08:00; `team`, `capacity` and `notes` only reach planners; `distance_m` (metres) only with `near=`.
 */
export interface Visit {
  id: string;
  series_id: string | null;
  point_id: number | string;
  point_name: string | null;
  position: LngLat | null;
  village_code?: string | null;
  starts_at: string;
  ends_at: string;
  title: string;
  activities: Activity[];
  status: VisitStatus;
  distance_m?: number;
  team?: string | null;
  capacity?: number | null;
  notes?: string | null;
}

/** A visit conflict warning; the UI translates `code` and shows `message` as detail. */
export interface VisitWarning {
  code: string;
  message: string;
  occurrence_id?: string;
  other_id?: string;
}

/** What POST/PATCH /api/visits answer: the saved visit or series id plus warnings. */
export interface SavedVisit {
  id: string | number;
  warnings?: VisitWarning[];
  /** How many warnings there were; the answer lists at most 50 of them. */
  warnings_total?: number;
}

/** One answer of GET /api/options (see server/domain/registration/rank.ts). */
export type { OnlineOption, PlaceOption, PointOption, RegistrationOption, VisitOption } from '../../server/domain/registration/rank';

/** GET /api/options: where the worker can register, best first, then the online channels. */
export interface OptionsAnswer {
  from: { lat: number; lng: number; village_code: string | null };
  options: import('../../server/domain/registration/rank').RegistrationOption[];
}
