import { expect } from 'vitest';
import { InvalidInputError } from '../../server/domain/errors.js';

/** Runs `fn`, expects it to throw an InvalidInputError, and returns the field the error names. */
export function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).field;
  }
  throw new Error('expected an InvalidInputError');
}
