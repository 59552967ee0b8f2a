/** Texts for the server's registration codes (server/domain/codes/registration.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  unknown_village: 'Desa dengan kode {{got}} tidak ada di Kabupaten Bangli. Pilih desa dari daftar.',
  // --- i10b: verification and posters ---
  gps_fix_too_coarse: 'Akurasi GPS ±{{got}} m terlalu kasar: lokasi tepat butuh paling kasar ±{{max_m}} m. Tunggu di luar ruangan sebentar lalu coba lagi.',
  no_street_map: 'Peta ini tidak punya peta jalan, jadi pin yang digeser belum bisa dianggap tepat. Pakai "Saya di lokasi ini".',
  exact_needs_check: 'Lokasi tepat hanya dari GPS di tempat (akurasi paling kasar ±{{max_m}} m), pin yang digeser di peta jalan, atau impor dengan koordinat tepat.',
  verify_field_not_allowed: '{{label}} tidak dipakai untuk cara pengecekan ini.',
  verify_field_missing: '{{label}} wajib diisi untuk cara pengecekan ini.',
} as Record<string, string>;
