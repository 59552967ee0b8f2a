/** Checks a planner's quiz question before it is stored: the fields a question needs and their limits. */
import { InvalidInputError } from '../errors.js';
import { DONT_KNOW, type QuizChoice } from './quiz.js';

export const QUESTION_LIMITS = { text: 200, choice: 120, explanation: 200, source: 300, minChoices: 3, maxChoices: 6 } as const;

export interface QuestionInput {
  text: string;
  choices: QuizChoice[];
  answer: string;
  explanation: string;
  source: string;
}

/**
 * A question needs 3–6 choices with distinct one-letter ids, one of them `x` = "Tidak tahu", and a right answer
 * that is another choice. Throws InvalidInputError (code `invalid_question`) naming the field.
 */
export function checkQuestion(q: QuestionInput): QuestionInput {
  const bad = (field: string, message: string) => new InvalidInputError(field, message, { code: 'invalid_question', params: {} });
  const ids = q.choices.map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw bad('choices', `choice ids must differ; got ${ids.join(', ')}`);
  const dontKnow = q.choices.find((c) => c.id === DONT_KNOW);
  if (!dontKnow) throw bad('choices', `a question needs a "Tidak tahu" choice with id "${DONT_KNOW}"`);
  if (q.answer === DONT_KNOW) throw bad('answer', '"Tidak tahu" cannot be the right answer');
  if (!ids.includes(q.answer)) throw bad('answer', `answer must be one of the choice ids ${ids.filter((i) => i !== DONT_KNOW).join(', ')}; got "${q.answer.slice(0, 10)}"`);
  return { ...q, text: q.text.trim(), explanation: q.explanation.trim(), source: q.source.trim(), choices: q.choices.map((c) => ({ id: c.id, text: c.text.trim() })) };
}
