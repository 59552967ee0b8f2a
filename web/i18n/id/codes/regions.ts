/** Texts for the server's regions codes (server/domain/codes/regions.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
