import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreAnswers, type QuizQuestion } from '../../../server/domain/events/quiz.js';
import { InvalidInputError } from '../../../server/domain/errors.js';

const q = (id: string, answer: string, version = 1): QuizQuestion => ({
  id, version, text: id, answer, explanation: '', source: '', active: true, position: 0,
  choices: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }, { id: 'x', text: 'Tidak tahu' }],
});
const bank = new Map([q('q1', 'a'), q('q2', 'b', 3), q('q3', 'c'), q('q4', 'a'), q('q5', 'b')].map((x) => [x.id, x]));

describe('scoreAnswers', () => {
  it('scores 3 right out of 5 as 60 %, "Tidak tahu" counting as not right', () => {
    const { score, scored } = scoreAnswers({ q1: 'a', q2: 'b', q3: 'c', q4: 'x', q5: 'a' }, bank);
    expect(score).toEqual({ correct: 3, total: 5, score_pct: 60 });
    expect(scored.find((s) => s.question_id === 'q2')).toEqual({ question_id: 'q2', question_version: 3, choice: 'b', correct: true });
  });

  it('scores 2 of 3 as 66.7 %', () => {
    expect(scoreAnswers({ q1: 'a', q2: 'b', q3: 'x' }, bank).score).toEqual({ correct: 2, total: 3, score_pct: 66.7 });
  });

  it('names an unknown question and an unknown choice', () => {
    const err = (a: Record<string, string>) => {
      try { scoreAnswers(a, bank); } catch (e) { return e as InvalidInputError; }
      throw new Error('no error');
    };
    expect(err({ q9: 'a' })).toMatchObject({ field: 'answers.q9', code: 'unknown_question', params: { question: 'q9' } });
    expect(err({ q1: 'z' })).toMatchObject({ field: 'answers.q1', code: 'unknown_choice', params: { question: 'q1', choice: 'z' } });
  });

  it('counts right answers like a brute-force comparison with the key', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('q1', 'q2', 'q3', 'q4', 'q5'), fc.constantFrom('a', 'b', 'c', 'x')), (answers) => {
      const { score } = scoreAnswers(answers, bank);
      const key: Record<string, string> = { q1: 'a', q2: 'b', q3: 'c', q4: 'a', q5: 'b' };
      const right = Object.entries(answers).filter(([k, v]) => key[k] === v).length;
      expect(score.correct).toBe(right);
      expect(score.total).toBe(Object.keys(answers).length);
    }));
  });
});
