/** Texts for the server's auth codes (server/domain/codes/auth.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  origin_invalid: 'Permintaan ini tidak datang dari halaman Jangkau. Muat ulang halaman lalu coba lagi.',
  body_too_deep: 'Data yang dikirim bertingkat terlalu dalam (lebih dari {{max_depth}} tingkat).',
  nik_not_allowed: 'Jangan tulis NIK di sini. Jangkau tidak menyimpan NIK (nomor 16 angka); hapus nomor itu.',
} as Record<string, string>;
