/** Texts for the server's registration codes (server/domain/codes/registration.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  unknown_village: 'There is no village with code {{got}} in Kabupaten Bangli. Pick a village from the list.',
} as Record<string, string>;
