/** Texts for the server's regions codes (server/domain/codes/regions.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  region_file_invalid: 'Boundary file {{file}} is broken at line {{line}}: {{problem}}',
  region_parent_missing: 'Regions {{codes}} have no parent kecamatan or kabupaten: import the _kab_ and _kec_ files of their province too.',
  region_not_served: 'Region {{region}} is not served here. Served regions: {{served}}.',
} as Record<string, string>;
