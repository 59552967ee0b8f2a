/** Texts for the server's outcomes codes (server/domain/codes/outcomes.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
