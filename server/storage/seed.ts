import type { Db } from './db.js';
import { readDataJson, readVillageFile } from './dataFiles.js';
import { VillageStore, type Village } from './villages.js';
import { PointStore } from './points.js';
import { getMeta, setMeta } from './meta.js';
import { seedQuizBankOnce } from './quizSeed.js';
import { VillageLocator } from '../domain/geo/villageLocator.js';
import type { PointInput } from '../domain/points/point.js';
import type { LngLat } from '../domain/geo/types.js';

/** Bumped when the seed content changes; a database seeded earlier is left alone (staff may have edited it). */
export const SEED_VERSION = '1';

interface MarketFacts {
  markets: { id: string; name: string; approx_anchor?: { lat: number; lng: number; what: string }; hours_text?: string; sources: string[] }[];
}

/** Markets whose hours the facts file gives as a window we can state (WITA). Others stay unknown. */
const MARKET_WINDOWS: Record<string, { opens: string; closes: string }> = {
  // "busy from ~05:00 WITA, peak 06:00-10:00, thinning after 10:00"
  'mkt-pasar-kidul-bangli': { opens: '05:00', closes: '10:00' },
};

/**
 * The office of a desa (Kantor Perbekel) or kelurahan (Kantor Lurah): every village has one, but its position
 * is not known, so the pin sits at the village's interior point, marked approximate (see data/README.md).
 */
export function villageOffice(v: Village, villageCode: string | null, kabupatenName = 'Kabupaten Bangli'): PointInput {
  const isKelurahan = v.kind === 'kelurahan';
  return {
    name: `${isKelurahan ? 'Kantor Lurah' : 'Kantor Perbekel'} ${v.name}`,
    type: 'village_office',
    position: v.interior,
    village_code: villageCode,
    address: `${isKelurahan ? 'Kelurahan' : 'Desa'} ${v.name}, Kecamatan ${v.district_name}, ${kabupatenName}`,
    phone: null,
    whatsapp: null,
    services: ['information'],
    opening_hours: null,
    market_days: null,
    opens: null,
    closes: null,
    accuracy: 'approximate',
    // Said in the reader's language by code (web: finder locationNote.*); the text is the Indonesian one.
    location_note: 'Titik di tengah wilayah desa, bukan letak kantor yang sebenarnya.',
    location_note_code: 'seed_village_interior',
    verified_at: null,
    status: 'active',
    source: 'Seed: village interior point from cahyadsn/wilayah_boundaries (MIT); office position not yet verified',
    external_id: `seed:village-office:${v.code}`,
    notes: null,
  };
}

/**
 * The note of a market placed at an approximate anchor. GeoNames' Bangli town point (the only anchor the facts
 * file gives today) has a code the web says in the reader's language; another anchor keeps the file's words.
 */
function anchorNote(what: string): Pick<PointInput, 'location_note' | 'location_note_code'> {
  if (what.startsWith('GeoNames point for Bangli town')) {
    return { location_note: 'Titik pusat kota Bangli (GeoNames), bukan gedung pasar.', location_note_code: 'seed_town_centre' };
  }
  return { location_note: `${what}.`, location_note_code: null };
}

function market(m: MarketFacts['markets'][number], position: LngLat, villageCode: string | null): PointInput {
  const window = MARKET_WINDOWS[m.id];
  return {
    name: m.name,
    type: 'market',
    position,
    village_code: villageCode,
    address: null,
    phone: null,
    whatsapp: null,
    services: [],
    opening_hours: null,
    market_days: null,
    opens: window?.opens ?? null,
    closes: window?.closes ?? null,
    accuracy: 'approximate',
    ...anchorNote(m.approx_anchor!.what),
    verified_at: null,
    status: 'active',
    source: `Seed: facts from ${m.sources.join(' ; ')}; position: GeoNames (CC BY 4.0)`,
    external_id: `seed:${m.id}`,
    notes: m.hours_text ?? null,
  };
}

/**
 * Seeds villages and the real places we can position on a fresh database, in one transaction.
 * Markets without a defensible position are not created (see data/README.md).
 * Returns true when it seeded, false when the database already had data. `withBangli` false (a deployment
 * that does not serve Kabupaten Bangli) records the seed without Bangli's villages and places.
 */
export function seedIfEmpty(db: Db, dataDir: string, now: Date, withBangli = true): boolean {
  // The quiz bank came later (issue 11): an existing database gets it on its next start.
  seedQuizBankOnce(db, dataDir, now);
  if (getMeta(db, 'seed_version')) return false;
  if (!withBangli) {
    setMeta(db, 'seed_version', SEED_VERSION);
    return true;
  }
  const villageFile = readVillageFile(dataDir);
  const facts = readDataJson<MarketFacts>(dataDir, 'bangli_markets_and_offices_facts.json');
  const villages: Village[] = villageFile.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    district_code: f.properties.district_code,
    district_name: f.properties.district_name,
    kind: f.properties.type,
    postal_code: f.properties.postal_code ?? null,
    interior: [f.properties.interior_lng, f.properties.interior_lat],
    geometry: f.geometry,
  }));
  const locator = new VillageLocator(villages);
  const villageStore = new VillageStore(db);
  const points = new PointStore(db);
  const stamp = now.toISOString();
  db.transaction(() => {
    for (const v of villages) villageStore.insert(v);
    for (const v of villages) points.insert(villageOffice(v, locator.locate(v.interior)), stamp);
    for (const m of facts.markets) {
      if (!m.approx_anchor) continue;
      const position: LngLat = [m.approx_anchor.lng, m.approx_anchor.lat];
      points.insert(market(m, position, locator.locate(position)), stamp);
    }
    setMeta(db, 'seed_version', SEED_VERSION);
  })();
  return true;
}
