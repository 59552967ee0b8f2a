/** Texts for the server's events codes (server/domain/codes/events.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
