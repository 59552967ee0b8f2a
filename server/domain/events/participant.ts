/** Participant codes: random, made on the phone, linking one person's check-in, pre-test, post-test and feedback without a name. */
import { InvalidInputError } from '../errors.js';

/** `p-` then 8–64 URL-safe characters (A–Z a–z 0–9 _ -). */
export const PARTICIPANT_PATTERN = /^p-[A-Za-z0-9_-]{8,64}$/;

/** Returns `value` when it is a participant code; otherwise an InvalidInputError naming `participant`. */
export function parseParticipant(value: unknown): string {
  if (typeof value === 'string' && PARTICIPANT_PATTERN.test(value)) return value;
  throw new InvalidInputError('participant', 'participant must be "p-" followed by 8–64 letters, digits, _ or -, made at random on the device', {
    code: 'invalid_participant', params: {},
  });
}
