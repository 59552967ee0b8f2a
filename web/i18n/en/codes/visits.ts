/** Texts for the server's visits codes (server/domain/codes/visits.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
