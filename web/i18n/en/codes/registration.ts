/** Texts for the server's registration codes (server/domain/codes/registration.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {} as Record<string, string>;
