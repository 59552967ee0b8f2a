import { error, type CodeTable } from './types.js';

/** Registration options, posters and point verification (issue 10). */
export const REGISTRATION_CODES = {
  /** GET /api/options?village_code=…: a well-formed code that is not one of Bangli's villages. */
  unknown_village: error('got'),
  // --- i10b: verification and posters (kept together at the end of the table) ---
  /** A GPS fix too coarse to make a point exact (field accuracy_m). */
  gps_fix_too_coarse: error('max_m', 'got'),
  /** pin_on_tiles needs a street map (TILE_URL), field method. */
  no_street_map: error(),
  /** accuracy "exact" without a GPS fix, a pin on a street map or an import (field accuracy). */
  exact_needs_check: error('max_m'),
  /** A verify body field that the method does not take (e.g. lat with office_confirmed). */
  verify_field_not_allowed: error('method'),
  /** A verify body misses a field its method needs. */
  verify_field_missing: error('method'),
} as const satisfies CodeTable;
