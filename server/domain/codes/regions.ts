import { error, type CodeTable } from './types.js';

/** Regions and boundary-file imports (issue 12). */
export const REGIONS_CODES = {
  /** An upstream boundary file is malformed; `problem` says how (English), `file` and `line` where. */
  region_file_invalid: error('file', 'line', 'problem'),
  /** Villages or kecamatan whose kecamatan/kabupaten is in no imported file; `codes` lists the first few. */
  region_parent_missing: error('codes'),
  /** ?region= names a code that this deployment does not serve. */
  region_not_served: error('region', 'served'),
} as const satisfies CodeTable;
