/**
 * Turning a caller's values into code params: short, JSON-safe, and with a "did you mean" where it helps.
 * Pure, so the web and tests may use it too.
 */

/** A value as sent, for the `got` param: numbers stay numbers, anything else is short text (≤ 60 chars). */
export function gotParam(v: unknown): string | number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Levenshtein edit distance (insert, delete, substitute = 1 each), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[t.length];
}

/**
 * The allowed value closest to `got` by edit distance, or null when none is close enough to be a likely typo
 * (distance at most half the longer word) or `got` is not text. Ties go to the earlier allowed value.
 */
export function closestAllowed(got: unknown, allowed: readonly string[]): string | null {
  if (typeof got !== 'string' || got.length === 0 || got.length > 64) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const a of allowed) {
    const d = editDistance(got.trim(), a);
    if (d < bestD) [best, bestD] = [a, d];
  }
  return best !== null && bestD <= Math.max(got.length, best.length) / 2 ? best : null;
}

/** Params of `enum_unknown`: the allowed list, the value sent and the closest allowed one. */
export function enumParams(got: unknown, allowed: readonly string[]) {
  return { allowed: [...allowed], got: gotParam(got), suggestion: closestAllowed(got, allowed) };
}
