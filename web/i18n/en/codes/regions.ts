/** Texts for the server's regions codes (server/domain/codes/regions.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  region_file_invalid: 'Boundary file {{file}} is broken at line {{line}}: {{problem}}',
  region_not_served: 'Region {{region}} is not served here. Served regions: {{served}}.',
} as Record<string, string>;
