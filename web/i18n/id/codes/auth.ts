/** Texts for the server's auth codes (server/domain/codes/auth.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  origin_invalid: 'Permintaan ini tidak datang dari halaman Jangkau. Muat ulang halaman lalu coba lagi.',
  body_too_deep: 'Data yang dikirim bertingkat terlalu dalam (lebih dari {{max_depth}} tingkat).',
} as Record<string, string>;
