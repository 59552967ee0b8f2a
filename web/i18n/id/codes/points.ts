/** Texts for the server's points codes (server/domain/codes/points.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
