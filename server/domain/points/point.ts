import type { LngLat } from '../geo/types.js';
import type { OpeningHours } from './openingHours.js';
import type { Accuracy, PointStatus, PointType, Service } from './vocabulary.js';
import type { Verification } from './verification.js';

/** A market-day rule: constraints on Balinese weekday cycles that must all hold (see calendar/marketDays). */
export type MarketDayRule = Partial<Record<'triwara' | 'pancawara' | 'saptawara' | 'wuku', string[]>>;

/** A service point as the application sees it. Positions are [lng, lat]. */
export interface Point {
  id: number;
  name: string;
  type: PointType;
  position: LngLat;
  village_code: string | null;
  address: string | null;
  phone: string | null;
  whatsapp: string | null;
  services: Service[];
  opening_hours: OpeningHours | null;
  market_days: MarketDayRule | null;
  opens: string | null;
  closes: string | null;
  accuracy: Accuracy;
  location_note: string | null;
  verified_at: string | null;
  /** How the last check was made (null: never, or before methods were recorded). */
  verification: Verification | null;
  /** ISO 8601 UTC: after this the check no longer counts (12 months after it). */
  verified_until: string | null;
  status: PointStatus;
  source: string;
  external_id: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The writable fields of a point (id and timestamps are managed by storage; the verification record is
 * written only by a check, PointStore.setVerification, so an ordinary edit can never forge or erase it).
 */
export type PointInput = Omit<Point, 'id' | 'created_at' | 'updated_at' | 'verification' | 'verified_until'>;

/** A GeoJSON Feature for a point, as every API that returns points shapes it. */
export interface PointFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: LngLat };
  properties: Omit<Point, 'id' | 'position' | 'created_at' | 'verification'> & { verification: Omit<Verification, 'by'> | null } & Record<string, unknown>;
}

/** Turns a point into a GeoJSON Feature, with optional extra properties such as distance_m. */
export function toFeature(p: Point, extra: Record<string, unknown> = {}): PointFeature {
  const { id, position, created_at: _created, verification, ...props } = p;
  // Who checked (a staff email) is for the audit trail, not for every public answer.
  const publicCheck = verification && { method: verification.method, at: verification.at, accuracy_m: verification.accuracy_m };
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: position }, properties: { ...props, verification: publicCheck, ...extra } };
}
