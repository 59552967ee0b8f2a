/** Texts for the server's auth codes (server/domain/codes/auth.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  origin_invalid: 'Permintaan ini tidak datang dari halaman Jangkau. Muat ulang halaman lalu coba lagi.',
  body_too_deep: 'Data yang dikirim bertingkat terlalu dalam (lebih dari {{max_depth}} tingkat).',
  nik_not_allowed: 'Jangan tulis NIK di sini. Jangkau tidak menyimpan NIK (nomor 16 angka); hapus nomor itu.',
  password_length: '{{label}} harus {{min}}–{{max}} karakter.',
  password_repeated: '{{label}} tidak boleh satu huruf yang diulang-ulang. Pakai beberapa kata yang tidak berhubungan.',
  password_contains_email: '{{label}} tidak boleh memuat alamat email pengguna atau bagian namanya.',
  password_too_common: '{{label}} ini terlalu umum atau mudah ditebak (ada di daftar kata sandi yang sering dipakai atau bocor). Pakai beberapa kata yang tidak berhubungan.',
} as Record<string, string>;
