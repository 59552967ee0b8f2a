/**
 * Entity tags for optimistic concurrency (RFC 9110 §8.8.3, §13.1.1). A tag names one stored version of
 * one editable row (`"p12.3"`: point 12, version 3); it changes on every write to that row, so an edit sent
 * with `If-Match` from an older read is refused instead of silently undoing someone else's change.
 * Pure: shared by the server and the web client.
 */

/** A strong entity tag from its parts, e.g. etag('p', 12, 3) → `"p12.3"`. */
export function etag(kind: string, id: number | string, ...versions: number[]): string {
  return `"${kind}${id}.${versions.join('.')}"`;
}

/** What an `If-Match` header asks for: nothing (absent), any current version (`*`), or one of these tags. */
export type IfMatch = { kind: 'absent' } | { kind: 'any' } | { kind: 'tags'; tags: string[] };

/** Longest If-Match header accepted, in characters (a form sends one tag of ~30). */
export const IF_MATCH_MAX = 1000;

const TAG = /^(W\/)?"[\x21\x23-\x7e]*"$/;

/**
 * Parses an If-Match header; null when it is malformed (the caller answers 400). Weak tags (`W/"…"`)
 * are kept as written: If-Match compares strongly, so they never match (RFC 9110 §13.1.1).
 */
export function parseIfMatch(header: string | undefined | null): IfMatch | null {
  if (header === undefined || header === null) return { kind: 'absent' };
  const text = header.trim();
  if (text === '*') return { kind: 'any' };
  if (text === '' || text.length > IF_MATCH_MAX) return null;
  const tags = text.split(',').map((t) => t.trim()).filter(Boolean);
  if (tags.length === 0 || !tags.every((t) => TAG.test(t))) return null;
  return { kind: 'tags', tags };
}

/**
 * True when a write may go ahead under If-None-Match (RFC 9110 §13.1.2, weak comparison): absent, or `*` while
 * nothing exists yet (create, never overwrite), or tags none of which is the current one.
 */
export function ifNoneMatchAllows(ifNoneMatch: IfMatch, current: string | null): boolean {
  if (ifNoneMatch.kind === 'absent') return true;
  if (ifNoneMatch.kind === 'any') return current === null;
  const opaque = (t: string) => t.replace(/^W\//, '');
  return current === null || !ifNoneMatch.tags.some((t) => opaque(t) === opaque(current));
}

/** True when a write may go ahead: no If-Match, `*` on an existing row, or a strong tag equal to `current`. */
export function ifMatchAllows(ifMatch: IfMatch, current: string | null): boolean {
  if (ifMatch.kind === 'absent') return true;
  if (current === null) return false;
  if (ifMatch.kind === 'any') return true;
  return ifMatch.tags.some((t) => !t.startsWith('W/') && t === current);
}
