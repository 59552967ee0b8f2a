/**
 * The "is this password guessable?" check behind the password rule (server/domain/auth/password.ts): zxcvbn-ts
 * with its common dictionary (the most used and leaked passwords, common words, keyboard layouts). Server only,
 * loaded on first use: the dictionary is about 1 MB and neither start-up nor the web bundle should pay for it.
 */
import type { GuessableCheck } from '../domain/auth/password.js';

/** zxcvbn scores 0–4; below 3 means fewer than about 10^8 guesses — fast to find offline from a leaked hash. */
export const MIN_ZXCVBN_SCORE = 3;

type Checker = { check(password: string, userInputs?: (string | number)[]): { score: number } };
let checker: Promise<Checker> | null = null;

async function load(): Promise<Checker> {
  const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
  return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
}

/** Loads the dictionary once and returns the synchronous check the password rule takes. */
export async function loadGuessableCheck(): Promise<GuessableCheck> {
  checker ??= load();
  const z = await checker;
  // zxcvbn's matching is super-linear in length; the first 100 characters decide guessability anyway.
  return (password, userInputs) => z.check(password.slice(0, 100), [...userInputs]).score < MIN_ZXCVBN_SCORE;
}
