/** Texts for the server's common codes (server/domain/codes/common.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  precondition_failed: 'Data ini sudah diubah oleh orang lain sejak Anda membukanya. Muat versi terbaru, lalu simpan lagi.',
  idempotency_key_reused: 'Kiriman ini memakai kunci yang sama dengan isian lain. Muat ulang halaman, lalu kirim lagi.',
} as Record<string, string>;
