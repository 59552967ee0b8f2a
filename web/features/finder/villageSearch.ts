import type { VillageProps } from '../../api/types';

/** Lower case, no accents, single spaces: "Kelurahan  Cempaga" and "kelurahan cempaga" match. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Villages matching a typed query, best first: names starting with the query, then names containing it,
 * then villages whose kecamatan matches. "Bunutin (Bangli)" (the option label itself) matches exactly.
 */
export function searchVillages<T extends Pick<VillageProps, 'name' | 'district_name'>>(villages: readonly T[], query: string): T[] {
  const q = normalize(query);
  // Compare normalized text, not localeCompare(…, 'id'): the first Collator a page creates loads ICU data, ~100 ms
  // of a throttled phone's first screen, and the names are plain Latin letters once normalized.
  // One key per village ("name\0kecamatan": \0 sorts first, so a shorter name comes before its extensions).
  const keys = new Map(villages.map((v) => [v, `${normalize(v.name)}\0${normalize(v.district_name)}`]));
  const byName = (a: T, b: T) => compare(keys.get(a)!, keys.get(b)!);
  if (!q) return [...villages].sort(byName);
  const scored: { v: T; score: number }[] = [];
  for (const v of villages) {
    const name = normalize(v.name);
    const district = normalize(v.district_name);
    const full = `${name} ${district}`;
    let score = -1;
    if (full === q) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (full.startsWith(q)) score = 1;
    else if (name.includes(q)) score = 2;
    else if (district.startsWith(q)) score = 3;
    else if (full.includes(q)) score = 4;
    if (score >= 0) scored.push({ v, score });
  }
  return scored.sort((a, b) => a.score - b.score || byName(a.v, b.v)).map((s) => s.v);
}
