import { error, type CodeTable } from './types.js';

/**
 * Codes any route may answer with: generic input (zod and strict parsers), dates and ranges, auth and state,
 * transport problems. Param conventions: `got` is the value sent (text, cut to 60 characters, or a number);
 * `allowed` is a list; `suggestion` is the closest allowed value or null.
 */
export const COMMON_CODES = {
  invalid: error(),
  bad_request: error(),
  not_found: error(),
  unauthorized: error(),
  forbidden: error(),
  conflict: error(),
  internal: error(),
  rate_limited: error('retry_after_s', 'retry_after_min'),
  too_many_attempts: error('retry_after_s', 'retry_after_min'),
  payload_too_large: error('max_bytes'),
  unsupported_media_type: error('allowed'),
  precondition_failed: error('current_etag'),
  idempotency_key_reused: error(),
  // Shapes of input
  required: error(),
  invalid_type: error('expected'),
  param_repeated: error(),
  unknown_field: error('got'),
  enum_unknown: error('allowed', 'got', 'suggestion'),
  number_out_of_range: error('min', 'max', 'got'),
  number_too_small: error('min', 'got'),
  whole_number_out_of_range: error('min', 'max', 'got'),
  not_a_count: error('got'),
  text_too_long: error('max', 'got'),
  text_too_short: error('min', 'got'),
  text_length: error('min', 'max', 'got'),
  list_too_long: error('max', 'got'),
  list_too_short: error('min', 'got'),
  listed_twice: error('got'),
  control_characters: error(),
  invalid_format: error('got'),
  invalid_json: error(),
  invalid_id: error('got'),
  invalid_bbox: error('got'),
  /** A page cursor that is not one the previous page's Link rel="next" gave. */
  invalid_cursor: error(),
  /** A Host header that is not a plain host[:port] (a QR code cannot point there). */
  invalid_host: error(),
  invalid_position: error('got'),
  nothing_to_change: error(),
  // Dates and times (WITA)
  invalid_date: error('got'),
  not_a_calendar_day: error('got'),
  invalid_time: error('got'),
  invalid_datetime: error('got'),
  datetime_without_offset: error('got'),
  ends_before_start: error('starts_at', 'ends_at'),
  range_reversed: error('from', 'to'),
  range_too_long: error('days', 'max_days'),
  // Places in Bangli
  village_unknown: error('got'),
  district_unknown: error('got', 'allowed'),
  no_village_here: error('lat', 'lng'),
  // Sessions, roles and accounts (the accounts service predates issue 9's table)
  cross_site: error(),
  wrong_login: error(),
  role_required: error('roles', 'role'),
  email_taken: error('email'),
  invalid_email: error('got'),
  own_account: error(),
  last_admin: error(),
  user_not_found: error(),
} as const satisfies CodeTable;
