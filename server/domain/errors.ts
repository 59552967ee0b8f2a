/**
 * Errors thrown by pure domain code. They carry the name of the input field at fault so the HTTP
 * layer can answer `{"error":{"field","message"}}` without knowing the domain.
 */

/** A caller gave a value the domain cannot work with. Maps to HTTP 400. */
export class InvalidInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'InvalidInputError';
    this.field = field;
  }
}
