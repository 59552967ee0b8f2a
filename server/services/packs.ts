/**
 * Offline packs: one immutable JSON file per served kabupaten/kota with what a phone needs to work with no
 * signal — the simplified village boundaries, the active points and the public visits of the next 60 days (no
 * drafts, no team or notes). Served as /packs/{code}.{hash}.json where the hash is of the content, so any static
 * host or CDN can cache it forever; GET /api/packs names the current hash.
 *
 * Content depends on the data and on the WITA date only (points are shaped as of 00:00 WITA; the phone
 * recomputes open_now), so the hash is stable through a day and changes when the data changes.
 */
import { createHash } from 'node:crypto';
import type { FeatureCollection } from 'geojson';
import type { Db } from '../storage/db.js';
import { databaseChangeStamp } from '../storage/changeStamp.js';
import type { PointStore } from '../storage/points.js';
import { addDays } from '../domain/calendar/dates.js';
import { witaDate, witaInstant } from '../domain/schedule/wita.js';
import type { VillageService } from './villages.js';
import type { FinderService } from './finder.js';
import type { VisitService } from './visits.js';
import type { VisitView } from './visitViews.js';
import { NotFoundError } from '../errors.js';

/** Days of visits a pack carries, from today (WITA). */
export const PACK_VISIT_DAYS = 60;
/** Hex characters of the content hash in a pack's name (64 bits: collisions are not a concern). */
const HASH_CHARS = 16;
/** Most visits one pack carries: the bound on what a stranger can make the server serialize. */
const MAX_PACK_VISITS = 20_000;

export interface PackEntry {
  code: string;
  name: string;
  /** [minLng, minLat, maxLng, maxLat] of the kabupaten, so a phone can pick the pack for where it is. */
  bbox: [number, number, number, number];
  hash: string;
  url: string;
  bytes: number;
}

interface Built extends PackEntry {
  body: string;
}

/** The pack file name's parts, or null: `51.06.0123456789abcdef.json`. */
export function parsePackName(name: string): { code: string; hash: string } | null {
  const m = /^(\d{2}\.\d{2})\.([0-9a-f]{16})\.json$/.exec(name);
  return m ? { code: m[1], hash: m[2] } : null;
}

export class PackService {
  private readonly stamp: () => string;
  private cache: { key: string; packs: Map<string, Built> } | null = null;

  constructor(
    db: Db,
    private readonly villages: VillageService,
    private readonly points: PointStore,
    private readonly finder: FinderService,
    private readonly visits: () => VisitService,
    private readonly now: () => Date,
  ) {
    this.stamp = databaseChangeStamp(db);
  }

  /** GET /api/packs: the current pack of every served kabupaten. */
  list(): PackEntry[] {
    return [...this.current().values()].map(({ body: _body, ...entry }) => entry);
  }

  /** GET /packs/{code}.{hash}.json: the body, or 404 when the name is unknown or no longer current. */
  body(name: string): string {
    const parsed = parsePackName(name);
    const pack = parsed && this.current().get(parsed.code);
    if (!pack || pack.hash !== parsed!.hash) {
      throw new NotFoundError(`No current pack named ${name.slice(0, 60)}; GET /api/packs lists the current ones`);
    }
    return pack.body;
  }

  /** Builds one kabupaten's pack (also for the bench). */
  build(code: string): Built {
    const region = this.villages.regions.find((r) => r.code === code);
    if (!region) throw new NotFoundError(`Kabupaten ${code} is not served`);
    const today = witaDate(this.now());
    const asOf = witaInstant(today, 0);
    const inside = (villageCode: string | null) => !!villageCode && villageCode.startsWith(`${code}.`);
    const villages = this.villages.inRegion(code, true);
    const points: FeatureCollection = {
      type: 'FeatureCollection',
      features: this.points.listVisible().filter((p) => p.status === 'active' && inside(p.village_code)).map((p) => this.finder.publicFeature(p, asOf)),
    };
    const to = addDays(today, PACK_VISIT_DAYS - 1);
    const visits: VisitView[] = this.visits()
      .list({ from: today, to, limit: MAX_PACK_VISITS }, false)
      .visits.filter((v) => v.status === 'scheduled' && inside(v.village_code));
    const body = JSON.stringify({
      format: 1, code, name: region.name, bbox: region.bbox, visits_from: today, visits_to: to, villages, points, visits,
    });
    const hash = createHash('sha256').update(body).digest('hex').slice(0, HASH_CHARS);
    return { code, name: region.name, bbox: region.bbox, hash, url: `/packs/${code}.${hash}.json`, bytes: Buffer.byteLength(body), body };
  }

  private current(): Map<string, Built> {
    const key = `${this.stamp()}|${witaDate(this.now())}`;
    if (this.cache?.key !== key) {
      this.cache = { key, packs: new Map(this.villages.regions.map((r) => [r.code, this.build(r.code)])) };
    }
    return this.cache.packs;
  }
}
