/** Texts for the server's regions codes (server/domain/codes/regions.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  region_file_invalid: 'Berkas batas wilayah {{file}} rusak di baris {{line}}: {{problem}}',
  region_parent_missing: 'Wilayah {{codes}} tidak punya kecamatan atau kabupaten induk: impor juga berkas _kab_ dan _kec_ provinsinya.',
  region_not_served: 'Wilayah {{region}} tidak dilayani di sini. Wilayah yang dilayani: {{served}}.',
} as Record<string, string>;
