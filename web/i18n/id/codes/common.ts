/** Texts for the server's common codes (server/domain/codes/common.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
