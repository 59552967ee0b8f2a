import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../server/domain/errors.js';
import { validateOutcome } from '../../../server/domain/coverage/impact.js';

const valid = {
  visit_id: 12,
  date: '2025-03-04',
  district_code: '51.06.03',
  attendees: 30,
  registrations: 12,
  cards_issued: 15,
  pretest: { respondents: 28, correct_pct: 46.4 },
  posttest: { respondents: 25, correct_pct: 88 },
  feedback: { '4': 10, '5': 12 },
  notes: 'Balai banjar penuh; banyak petani kopi dari Kintamani.',
};

function fieldOf(input: unknown): string {
  try {
    validateOutcome(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).field;
  }
  throw new Error('expected validateOutcome to throw');
}

describe('validateOutcome', () => {
  it('returns a cleaned copy: unknown fields dropped, null optionals removed, feedback filled to five scores', () => {
    const out = validateOutcome({ ...valid, extra: 'x', posttest: null });
    expect(out).toEqual({
      visit_id: 12,
      date: '2025-03-04',
      district_code: '51.06.03',
      attendees: 30,
      registrations: 12,
      cards_issued: 15,
      pretest: { respondents: 28, correct_pct: 46.4 },
      feedback: { '1': 0, '2': 0, '3': 0, '4': 10, '5': 12 },
      notes: valid.notes,
    });
  });

  it('rejects a non-object', () => {
    expect(fieldOf(null)).toBe('outcome');
    expect(fieldOf([valid])).toBe('outcome');
  });

  it('rejects non-integer or negative counts, naming the field', () => {
    expect(fieldOf({ ...valid, attendees: 2.5 })).toBe('attendees');
    expect(fieldOf({ ...valid, attendees: -1 })).toBe('attendees');
    expect(fieldOf({ ...valid, registrations: -3 })).toBe('registrations');
    expect(fieldOf({ ...valid, cards_issued: '3' })).toBe('cards_issued');
    expect(fieldOf({ ...valid, cards_issued: undefined })).toBe('cards_issued');
    expect(fieldOf({ ...valid, pretest: { respondents: 1.5, correct_pct: 50 } })).toBe('pretest.respondents');
    expect(fieldOf({ ...valid, feedback: { '3': -1 } })).toBe('feedback.3');
  });

  it('rejects more registrations than attendees, with both numbers in the message', () => {
    expect(() => validateOutcome({ ...valid, registrations: 31 })).toThrow(/registrations \(31\) cannot exceed attendees \(30\)/);
    expect(fieldOf({ ...valid, registrations: 31 })).toBe('registrations');
  });

  it('allows more cards than attendees, because existing members get cards too', () => {
    expect(validateOutcome({ ...valid, cards_issued: 45 }).cards_issued).toBe(45);
  });

  it('rejects percentages outside 0..100', () => {
    expect(fieldOf({ ...valid, pretest: { respondents: 5, correct_pct: 101 } })).toBe('pretest.correct_pct');
    expect(fieldOf({ ...valid, posttest: { respondents: 5, correct_pct: -0.1 } })).toBe('posttest.correct_pct');
    expect(fieldOf({ ...valid, posttest: { respondents: 5, correct_pct: Number.NaN } })).toBe('posttest.correct_pct');
    expect(validateOutcome({ ...valid, pretest: { respondents: 5, correct_pct: 0 }, posttest: { respondents: 5, correct_pct: 100 } })).toBeTruthy();
  });

  it('rejects more quiz respondents than attendees', () => {
    expect(fieldOf({ ...valid, pretest: { respondents: 31, correct_pct: 50 } })).toBe('pretest.respondents');
    expect(fieldOf({ ...valid, posttest: { respondents: 31, correct_pct: 50 } })).toBe('posttest.respondents');
  });

  it('rejects feedback scores other than 1..5', () => {
    expect(fieldOf({ ...valid, feedback: { '6': 2 } })).toBe('feedback.6');
    expect(fieldOf({ ...valid, feedback: { '0': 1 } })).toBe('feedback.0');
    expect(fieldOf({ ...valid, feedback: { good: 1 } })).toBe('feedback.good');
    expect(fieldOf({ ...valid, feedback: [1, 2] })).toBe('feedback');
  });

  it('rejects notes longer than 2000 characters, counting characters not UTF-16 units', () => {
    expect(fieldOf({ ...valid, notes: 'a'.repeat(2001) })).toBe('notes');
    expect(validateOutcome({ ...valid, notes: 'a'.repeat(2000) }).notes).toHaveLength(2000);
    expect(validateOutcome({ ...valid, notes: '🙏'.repeat(2000) }).notes).toBeDefined();
    expect(fieldOf({ ...valid, notes: 42 })).toBe('notes');
  });

  it('rejects a date that is not a real YYYY-MM-DD day', () => {
    expect(fieldOf({ ...valid, date: '2025-02-30' })).toBe('date');
    expect(fieldOf({ ...valid, date: '04/03/2025' })).toBe('date');
    expect(fieldOf({ ...valid, date: '2025-03-04T10:00:00+08:00' })).toBe('date');
  });

  it('rejects a missing visit_id and a malformed district_code', () => {
    expect(fieldOf({ ...valid, visit_id: undefined })).toBe('visit_id');
    expect(fieldOf({ ...valid, visit_id: 0 })).toBe('visit_id');
    expect(fieldOf({ ...valid, district_code: 'Kintamani' })).toBe('district_code');
  });

  it('names the bad value and the fix in its messages', () => {
    expect(() => validateOutcome({ ...valid, pretest: { respondents: 5, correct_pct: 150 } })).toThrow(
      'pretest.correct_pct must be a percentage from 0 to 100; got 150',
    );
    expect(() => validateOutcome({ ...valid, attendees: -2 })).toThrow('attendees must be a whole number, 0 or more; got -2');
  });
});
