/** GET /api/visits as the worker section uses it. Coordinates are [lng, lat]. */
import type { LngLat } from '../../api/types';

export type Activity = 'sosialisasi' | 'pendaftaran' | 'cetak_kartu' | 'konsultasi' | 'klaim';

/** One occurrence (a single visit, or one date of a series). Times are ISO 8601 with +08:00. */
export interface PublicVisit {
  id: string;
  series_id: string | null;
  point_id: number | string;
  point_name: string | null;
  position: LngLat | null;
  starts_at: string;
  ends_at: string;
  title: string;
  activities: Activity[];
  status: 'scheduled' | 'cancelled' | 'draft';
  distance_m?: number;
}
