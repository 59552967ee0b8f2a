import { describe, expect, it } from 'vitest';
import { closestAllowed, editDistance, enumParams, gotParam } from '../../../server/domain/codes/values.js';
import { POINT_TYPES } from '../../../server/domain/points/vocabulary.js';

describe('code params from caller values', () => {
  it('counts edits like the textbook examples (kitten → sitting is 3, flaw → lawn is 2)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Pasah', 'pasah')).toBe(0);
  });

  it('suggests the allowed value a typo was meant to be, and nothing for a different word', () => {
    expect(closestAllowed('markett', POINT_TYPES)).toBe('market');
    expect(closestAllowed('vilage_office', POINT_TYPES)).toBe('village_office');
    expect(closestAllowed('MARKET', POINT_TYPES)).toBe('market');
    expect(closestAllowed('balai_banjar', POINT_TYPES)).toBeNull();
    expect(closestAllowed(42, POINT_TYPES)).toBeNull();
  });

  it('keeps numbers as numbers and cuts long text to 60 characters', () => {
    expect(gotParam(95)).toBe(95);
    expect(gotParam('x'.repeat(100))).toHaveLength(60);
    expect(gotParam({ a: 1 })).toBe('{"a":1}');
    expect(enumParams('pasar', ['market', 'other'])).toEqual({ allowed: ['market', 'other'], got: 'pasar', suggestion: null });
  });
});
