/** Telling same-named villages apart, on the real 72 villages of Bangli. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { villageNamesOf } from '../../web/shared/villageNames.js';
import type { VillageProps } from '../../web/api/types.js';

const villages = (
  JSON.parse(readFileSync(new URL('../../data/bangli_villages_boundaries.geojson', import.meta.url), 'utf8')) as {
    features: { properties: VillageProps & { type: string } }[];
  }
).features.map((f) => f.properties);

const names = villageNamesOf(villages, (name, district) => `${name} (Kec. ${district})`);

describe('village names told apart by kecamatan', () => {
  it('finds exactly the real duplicates: Bunutin (Bangli, Kintamani) and Abuan (Susut, Kintamani)', () => {
    // Oracle: a plain count of the names in the data file.
    const counts = new Map<string, string[]>();
    for (const v of villages) counts.set(v.name, [...(counts.get(v.name) ?? []), v.district_name]);
    const duplicated = [...counts].filter(([, d]) => d.length > 1).map(([n, d]) => `${n}: ${d.sort().join(', ')}`).sort();
    expect(duplicated).toEqual(['Abuan: Kintamani, Susut', 'Bunutin: Bangli, Kintamani']);
    for (const v of villages) {
      const named = names.placeName(`Kantor Perbekel ${v.name}`, v.code);
      expect(named).toBe(counts.get(v.name)!.length > 1 ? `Kantor Perbekel ${v.name} (Kec. ${v.district_name})` : `Kantor Perbekel ${v.name}`);
    }
  });

  it('labels a village with its kecamatan, and leaves a place without a village alone', () => {
    expect(names.villageLabel('51.06.02.2001')).toBe('Bunutin (Kec. Bangli)');
    expect(names.villageLabel('51.06.04.2004')).toBe('Bunutin (Kec. Kintamani)');
    expect(names.placeName('Pasar Kidul Bangli', null)).toBe('Pasar Kidul Bangli');
    expect(names.villageLabel('99.99')).toBe('99.99');
  });
});
