/** Texts for the server's registration codes (server/domain/codes/registration.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  unknown_village: 'Desa dengan kode {{got}} tidak ada di Kabupaten Bangli. Pilih desa dari daftar.',
} as Record<string, string>;
