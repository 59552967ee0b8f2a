/**
 * Makes the database hold what JANGKAU_REGIONS serves, on every start: imports the shipped boundary files of
 * any served kabupaten not imported yet, then adds its villages to the served `villages` table with one
 * approximate village-office point each (the same rule as Bangli's, data/README.md). Idempotent: a second start
 * with the same regions changes nothing; adding a code to JANGKAU_REGIONS adds that region.
 */
import type { Db } from '../../storage/db.js';
import { RegionStore } from '../../storage/regions.js';
import { shippedFile, shippedKabupaten } from '../../storage/regionFiles.js';
import { VillageStore, type Village } from '../../storage/villages.js';
import { PointStore } from '../../storage/points.js';
import { seedIfEmpty, villageOffice } from '../../storage/seed.js';
import { importRegionFilesSync } from './importFiles.js';

/** Bangli: the villages seeded from data/bangli_villages_boundaries.geojson (with postal codes) since the start. */
export const BANGLI = '51.06';

/** The kabupaten codes the configured regions cover: a kabupaten itself, a province's shipped or imported ones. */
export function servedKabupaten(db: Db, dataDir: string, regions: readonly string[]): string[] {
  const store = new RegionStore(db);
  const out = new Set<string>();
  for (const r of regions) {
    if (r.length === 5) out.add(r);
    else for (const k of [...shippedKabupaten(dataDir, r), ...store.kabupatenIn(r)]) out.add(k);
  }
  return [...out].sort();
}

/** Imports the shipped files of served kabupaten that have no imported villages yet. */
function importMissing(db: Db, dataDir: string, kabupaten: string[], regions: readonly string[]): void {
  const store = new RegionStore(db);
  for (const r of regions) {
    if (r.length === 2 && kabupaten.every((k) => !k.startsWith(`${r}.`))) {
      throw new Error(`JANGKAU_REGIONS names province ${r}, but data/wilayah_boundaries/ has no wilayah_boundaries_kel_${r}.NN.sql files and none are imported; import them with npm run regions -- import FILE…`);
    }
  }
  const missing = kabupaten.filter((k) => store.villageCount(k) === 0);
  if (missing.length === 0) return;
  const files = new Set<string>();
  for (const k of missing) {
    const province = k.slice(0, 2);
    const needed = [shippedFile(dataDir, 'kab', province), shippedFile(dataDir, 'kec', province), shippedFile(dataDir, 'kel', k)];
    if (needed.some((f) => !f)) {
      throw new Error(
        `JANGKAU_REGIONS names ${k}, but its boundary files (wilayah_boundaries_kab_${province}.sql, _kec_${province}.sql, _kel_${k}.sql) ` +
          'are neither imported nor in data/wilayah_boundaries/; import them with npm run regions -- import FILE…',
      );
    }
    for (const f of needed) files.add(f!);
  }
  importRegionFilesSync(db, [...files]);
}

/** Adds the imported villages of `kabupaten` that the served table lacks, each with its village office. */
function addServedVillages(db: Db, kabupaten: string[], now: Date): number {
  const regions = new RegionStore(db);
  const villages = new VillageStore(db);
  const points = new PointStore(db);
  const have = new Set(villages.all().map((v) => v.code));
  const stamp = now.toISOString();
  let added = 0;
  db.transaction(() => {
    for (const k of kabupaten) {
      for (const r of regions.villagesOf(k)) {
        if (have.has(r.code)) continue;
        const v: Village = {
          code: r.code, name: r.name, district_code: r.kecamatan_code, district_name: r.kecamatan_name, kind: r.kind,
          postal_code: null, interior: r.interior, geometry: JSON.parse(r.geometry),
        };
        villages.insert(v);
        // The interior point lies inside the village by construction, so it is the office's village.
        if (!points.getByExternalId(`seed:village-office:${v.code}`)) points.insert(villageOffice(v, v.code, r.kabupaten_name), stamp);
        added++;
      }
    }
  })();
  return added;
}

/**
 * Seeds a fresh database and brings it to the configured regions. Returns the served kabupaten codes.
 * Throws (at start, before listening) when a region has neither shipped nor imported boundary files.
 */
export function prepareRegions(db: Db, dataDir: string, regions: readonly string[], now: Date): { kabupaten: string[]; added: number } {
  const kabupaten = servedKabupaten(db, dataDir, regions);
  importMissing(db, dataDir, kabupaten, regions);
  seedIfEmpty(db, dataDir, now, kabupaten.includes(BANGLI));
  return { kabupaten, added: addServedVillages(db, kabupaten, now) };
}
