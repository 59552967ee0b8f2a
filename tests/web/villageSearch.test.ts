/**
 * The village picker's search, on the real 72 villages. It sorts without Intl (see web/features/finder/villageSearch.ts),
 * so these tests check that its order is still the Indonesian collation order for the real names.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { searchVillages } from '../../web/features/finder/villageSearch.js';

const villages = (
  JSON.parse(readFileSync(new URL('../../data/bangli_villages_boundaries.geojson', import.meta.url), 'utf8')) as {
    features: { properties: { name: string; district_name: string } }[];
  }
).features.map((f) => ({ name: f.properties.name, district_name: f.properties.district_name }));

const label = (v: { name: string; district_name: string }) => `${v.name} (${v.district_name})`;

describe('searchVillages', () => {
  it('lists all 72 real villages, with no query, in the order Indonesian collation gives', () => {
    const expected = [...villages].sort((a, b) => a.name.localeCompare(b.name, 'id') || a.district_name.localeCompare(b.district_name, 'id'));
    expect(villages).toHaveLength(72);
    expect(searchVillages(villages, '').map(label)).toEqual(expected.map(label));
  });

  it('puts names starting with the query first, both Bunutins told apart by kecamatan', () => {
    expect(searchVillages(villages, 'bun').map(label)).toEqual(['Bunutin (Bangli)', 'Bunutin (Kintamani)']);
  });

  it('matches the option label itself first, ignoring case and brackets', () => {
    expect(searchVillages(villages, 'bunutin (kintamani)').map(label)[0]).toBe('Bunutin (Kintamani)');
  });
});
