/**
 * How a point's position and facts were checked (issue 10). A point becomes `accuracy: exact` only from a
 * GPS fix of at most 50 m, a pin moved on a map with real street tiles, or an import that states exact
 * coordinates; a phone call to the place ("office_confirmed") renews the check but never moves the pin.
 */
import { addMonths } from 'date-fns';

export const VERIFY_METHODS = ['gps', 'pin_on_tiles', 'import', 'office_confirmed'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

/** A phone's GPS fix worse than this (metres, 1 σ radius as the browser reports it) cannot make a point exact. */
export const MAX_GPS_ACCURACY_M = 50;
/** A check is trusted for this many months; after that the point is "Perlu dicek ulang". */
export const VERIFIED_FOR_MONTHS = 12;

/** The stored record of the last check of a point. `accuracy_m` is the GPS fix's radius in metres, else null. */
export interface Verification {
  method: VerifyMethod;
  /** ISO 8601 UTC instant. */
  at: string;
  /** Staff email, or `import:<source>` / `cli:<user>` for non-interactive writes. */
  by: string;
  accuracy_m: number | null;
}

/** The instant (ISO 8601 UTC) a check made at `at` stops counting: 12 months later. */
export function verifiedUntil(at: Date): string {
  return addMonths(at, VERIFIED_FOR_MONTHS).toISOString();
}

/** Whether a check by `method` may set the position and make it exact (office_confirmed may not). */
export function methodMovesPin(method: VerifyMethod): boolean {
  return method !== 'office_confirmed';
}

/** Parses a stored verification JSON text; null for null or anything malformed (old rows). */
export function parseVerification(text: string | null): Verification | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<Verification>;
    if (!v || !(VERIFY_METHODS as readonly unknown[]).includes(v.method) || typeof v.at !== 'string') return null;
    return { method: v.method as VerifyMethod, at: v.at, by: typeof v.by === 'string' ? v.by : '', accuracy_m: typeof v.accuracy_m === 'number' ? v.accuracy_m : null };
  } catch {
    return null;
  }
}
