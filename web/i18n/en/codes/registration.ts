/** Texts for the server's registration codes (server/domain/codes/registration.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  unknown_village: 'There is no village with code {{got}} in Kabupaten Bangli. Pick a village from the list.',
  // --- i10b: verification and posters ---
  gps_fix_too_coarse: 'GPS accuracy ±{{got}} m is too coarse: an exact location needs ±{{max_m}} m or better. Wait outside for a moment and try again.',
  no_street_map: 'This map has no street map, so a moved pin cannot count as exact. Use "I am at this place".',
  exact_needs_check: 'A location is exact only from an on-site GPS fix (±{{max_m}} m or better), a pin moved on a street map, or an import with exact coordinates.',
  verify_field_not_allowed: '{{label}} is not used for this kind of check.',
  verify_field_missing: '{{label}} is required for this kind of check.',
} as Record<string, string>;
