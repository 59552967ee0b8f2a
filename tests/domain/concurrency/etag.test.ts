import { describe, expect, it } from 'vitest';
import { etag, ifMatchAllows, ifNoneMatchAllows, parseIfMatch } from '../../../server/domain/concurrency/etag.js';

// Cases follow RFC 9110 §8.8.3 (entity-tag syntax), §13.1.1 (If-Match: strong comparison) and §13.1.2
// (If-None-Match: weak comparison), written out by hand.
describe('parseIfMatch', () => {
  it('reads absent, *, one tag, a list and weak tags as RFC 9110 writes them', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'absent' });
    expect(parseIfMatch(' * ')).toEqual({ kind: 'any' });
    expect(parseIfMatch('"p1.2"')).toEqual({ kind: 'tags', tags: ['"p1.2"'] });
    expect(parseIfMatch('"a", W/"b" ,"c"')).toEqual({ kind: 'tags', tags: ['"a"', 'W/"b"', '"c"'] });
    expect(parseIfMatch('""')).toEqual({ kind: 'tags', tags: ['""'] });
  });

  it('refuses unquoted tags, quotes inside a tag, control characters, an empty header and a 1001-character one', () => {
    for (const bad of ['p1.2', '"p1"2"', '"a\u0001"', '', '   ', 'w/"a"', `"${'x'.repeat(999)}"`]) expect(parseIfMatch(bad)).toBeNull();
  });
});

describe('ifMatchAllows and ifNoneMatchAllows', () => {
  const current = etag('p', 12, 3);

  it('writes the tag as a quoted strong tag of kind, id and versions', () => {
    expect(current).toBe('"p12.3"');
    expect(etag('s', '12:2026-12-03', 4, 0)).toBe('"s12:2026-12-03.4.0"');
  });

  it('allows an absent header, * on an existing row and the exact strong tag; never a weak one or another version', () => {
    const allows = (h: string | undefined, cur: string | null) => ifMatchAllows(parseIfMatch(h)!, cur);
    expect(allows(undefined, current)).toBe(true);
    expect(allows('*', current)).toBe(true);
    expect(allows('*', null)).toBe(false);
    expect(allows('"p12.3"', current)).toBe(true);
    expect(allows('"p12.2", "p12.3"', current)).toBe(true);
    expect(allows('W/"p12.3"', current)).toBe(false);
    expect(allows('"p12.2"', current)).toBe(false);
    expect(allows('"p12.3"', null)).toBe(false);
  });

  it('allows If-None-Match: * only while nothing exists, and compares listed tags weakly', () => {
    const allows = (h: string | undefined, cur: string | null) => ifNoneMatchAllows(parseIfMatch(h)!, cur);
    expect(allows(undefined, current)).toBe(true);
    expect(allows('*', null)).toBe(true);
    expect(allows('*', current)).toBe(false);
    expect(allows('W/"p12.3"', current)).toBe(false);
    expect(allows('"p12.2"', current)).toBe(true);
  });
});
