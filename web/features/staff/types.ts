/** Shapes of the staff API as the staff pages use them (see /api/openapi.json). Coordinates are [lng, lat]. */
import type { PointFeature, PointProps } from '../../api/types';

export type Role = 'admin' | 'staff' | 'planner';

export interface User {
  id: number;
  email: string;
  role: Role;
  disabled?: boolean;
  created_at?: string;
}

/** The list filters of GET /api/staff/points. */
export type PointFilter = 'all' | 'approximate' | 'stale' | 'retired';

/** What the point form sends (POST /api/points, PATCH /api/points/:id). */
export interface PointBody {
  name: string;
  type: PointProps['type'];
  lat: number;
  lng: number;
  services: PointProps['services'];
  address: string | null;
  phone: string | null;
  whatsapp: string | null;
  opening_hours: PointProps['opening_hours'];
  market_days: PointProps['market_days'];
  opens: string | null;
  closes: string | null;
  status: 'active' | 'temporarily_closed';
  accuracy: PointProps['accuracy'];
  notes: string | null;
}

/** A likely duplicate reported when saving (same type within 50 m). */
export interface DuplicateWarning {
  code: 'possible_duplicate';
  point_id: number;
  distance_m: number;
  message: string;
}

export interface SavedPoint {
  feature: PointFeature;
  warnings: DuplicateWarning[];
}

/** One audit entry: who did what, when, with the before/after snapshots. */
export interface AuditEntry {
  id: number;
  at: string;
  actor_email: string | null;
  action: string;
  entity?: string;
  entity_id?: string | number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type ReportReason = 'closed' | 'wrong_location' | 'wrong_phone' | 'other';

export interface ProblemReport {
  id: number;
  point_id: number;
  point_name: string | null;
  point_status?: string;
  reason: ReportReason;
  comment: string | null;
  status: 'open' | 'resolved' | 'dismissed';
  created_at: string;
}

export interface ImportReport {
  created: number;
  /** Rows matched to an existing point, including unchanged ones. */
  updated: number;
  unchanged?: number;
  /** CSV: file line (header = 1); GeoJSON/Overpass: 0-based feature index. */
  errors: { line: number; field: string; message: string }[];
  /** Total errors when more than the listed ones. */
  error_count?: number;
  format?: 'csv' | 'geojson' | 'overpass';
}

/** Why a point is in "Perlu dicek ulang". */
export type RecheckReason = 'open_reports' | 'check_expired' | 'never_checked' | 'approximate';

/** One entry of GET /api/staff/recheck. */
export type RecheckItem = PointFeature & { recheck: { reasons: RecheckReason[]; open_reports: number; views_30d: number } };
