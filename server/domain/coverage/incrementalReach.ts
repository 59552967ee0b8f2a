/**
 * computeReach kept up to date as places change, instead of recomputed: after one point moves, appears or goes,
 * only the villages it can affect are looked at. Same answer as computeReach on the current places (nearest by
 * great-circle metres, ties to the smallest point_id); tests compare the two after random changes.
 *
 * - A new place can only become the nearest of villages closer to it than their current nearest: villages in a
 *   box around it as wide as the largest current distance (a KDBush over the village points), checked exactly.
 * - A removed place only matters to the villages it was nearest to: those ask the base index for the next
 *   nearest not removed, and compare with the places added since.
 * - After many changes (more than max(64, 1%) of the places) the base index is rebuilt.
 */
import KDBush from 'kdbush';
import { NearestIndex } from '../geo/nearestIndex.js';
import { bboxAround } from '../geo/bbox.js';
import { haversineM } from '../geo/distance.js';
import type { LngLat } from '../geo/types.js';
import { compareIds, type PointId } from './ids.js';
import type { CoverageVillage, ReachResult, ReachingPlace } from './reach.js';

export class IncrementalReach {
  private readonly villageIndex: KDBush;
  private base: { sorted: ReachingPlace[]; index: NearestIndex } = { sorted: [], index: new NearestIndex([]) };
  private removed = new Set<PointId>();
  private added = new Map<PointId, LngLat>();
  private current = new Map<PointId, LngLat>();
  private readonly dist: Float64Array;
  private readonly nearestId: (PointId | null)[];
  /** Which villages each place is nearest to. */
  private byPlace = new Map<PointId, Set<number>>();
  /** The last result and the villages changed since, so the next result for the same radius patches only those. */
  private last: { radiusKm: number; result: ReachResult } | null = null;
  private dirty = new Set<number>();
  /** Villages (indexes) the last result() rewrote; null when it built every entry anew. */
  private rewritten: number[] | null = null;

  /** The village indexes the last result() call rewrote (null: all), so a caller can patch what it derived. */
  get lastRewritten(): readonly number[] | null {
    return this.rewritten;
  }

  constructor(private readonly villages: readonly CoverageVillage[], places: readonly ReachingPlace[]) {
    this.villageIndex = new KDBush(Math.max(villages.length, 1));
    for (const v of villages) this.villageIndex.add(v.position[0], v.position[1]);
    if (villages.length === 0) this.villageIndex.add(0, 0);
    this.villageIndex.finish();
    this.dist = new Float64Array(villages.length);
    this.nearestId = new Array(villages.length).fill(null);
    this.rebuild(places);
  }

  /** Replaces the place set, applying only the difference (moved = removed + added). */
  update(places: readonly ReachingPlace[]): void {
    const next = new Map(places.map((p) => [p.point_id, p.position]));
    const changes: { id: PointId; position: LngLat | null }[] = [];
    for (const [id, pos] of this.current) {
      const n = next.get(id);
      if (!n) changes.push({ id, position: null });
      else if (n[0] !== pos[0] || n[1] !== pos[1]) changes.push({ id, position: n });
    }
    for (const [id, pos] of next) if (!this.current.has(id)) changes.push({ id, position: pos });
    this.apply(changes);
  }

  /** Applies changes: a position adds or moves a place, null removes it. */
  apply(changes: readonly { id: PointId; position: LngLat | null }[]): void {
    if (this.removed.size + this.added.size + changes.length > Math.max(64, this.current.size / 100)) {
      for (const c of changes) {
        if (c.position) this.current.set(c.id, c.position);
        else this.current.delete(c.id);
      }
      this.rebuild([...this.current].map(([point_id, position]) => ({ point_id, position })));
      return;
    }
    for (const c of changes) if (this.current.has(c.id)) this.remove(c.id);
    for (const c of changes) if (c.position) this.add(c.id, c.position);
  }

  /**
   * The result as computeReach would return it for `radiusKm`. For the same radius as the last call, only the
   * villages changed since are rewritten: the returned object is reused, so read it before the next change.
   */
  result(radiusKm: number): ReachResult {
    const radiusM = radiusKm * 1000;
    const entry = (i: number) => {
      const v = this.villages[i];
      const has = this.nearestId[i] !== null;
      return { code: v.code, name: v.name, district_code: v.district_code, distance_m: has ? this.dist[i] : null, nearest_point_id: this.nearestId[i], covered: has && this.dist[i] <= radiusM };
    };
    if (this.last && this.last.radiusKm === radiusKm) {
      const r = this.last.result;
      this.rewritten = [...this.dirty];
      for (const i of this.dirty) {
        const e = entry(i);
        r.covered += Number(e.covered) - Number(r.villages[i].covered);
        r.villages[i] = e;
      }
    } else {
      const villages = this.villages.map((_, i) => entry(i));
      this.rewritten = null;
      this.last = { radiusKm, result: { villages, covered: villages.filter((v) => v.covered).length, total: villages.length } };
    }
    this.dirty.clear();
    return this.last.result;
  }

  private rebuild(places: readonly ReachingPlace[]): void {
    const sorted = places.slice().sort((a, b) => compareIds(a.point_id, b.point_id));
    this.base = { sorted, index: new NearestIndex(sorted.map((p, i) => ({ id: i, position: p.position, typeBit: 0, serviceMask: 0 }))) };
    this.current = new Map(sorted.map((p) => [p.point_id, p.position]));
    this.removed = new Set();
    this.added = new Map();
    this.byPlace = new Map();
    this.last = null;
    for (let i = 0; i < this.villages.length; i++) this.setNearest(i, this.search(this.villages[i].position));
  }

  private setNearest(i: number, hit: { id: PointId; distanceM: number } | null): void {
    this.dirty.add(i);
    const old = this.nearestId[i];
    if (old !== null) this.byPlace.get(old)?.delete(i);
    this.nearestId[i] = hit ? hit.id : null;
    this.dist[i] = hit ? hit.distanceM : Infinity;
    if (hit) {
      let set = this.byPlace.get(hit.id);
      if (!set) this.byPlace.set(hit.id, (set = new Set()));
      set.add(i);
    }
  }

  /** Nearest current place to `at`: the base index minus removed ones, against the added ones. */
  private search(at: LngLat): { id: PointId; distanceM: number } | null {
    let best: { id: PointId; distanceM: number } | null = null;
    for (let limit = 1 + this.removed.size; ; limit *= 2) {
      const hits = this.base.index.nearest(at, { limit });
      const hit = hits.find((h) => !this.removed.has(this.base.sorted[h.id].point_id));
      if (hit) best = { id: this.base.sorted[hit.id].point_id, distanceM: hit.distanceM };
      if (hit || hits.length < limit) break;
    }
    for (const [id, pos] of this.added) {
      const d = haversineM(at, pos);
      if (!best || d < best.distanceM || (d === best.distanceM && compareIds(id, best.id) < 0)) best = { id, distanceM: d };
    }
    return best;
  }

  private remove(id: PointId): void {
    this.current.delete(id);
    if (this.added.has(id)) this.added.delete(id);
    else this.removed.add(id);
    const affected = [...(this.byPlace.get(id) ?? [])];
    this.byPlace.delete(id);
    for (const i of affected) {
      this.nearestId[i] = null;
      this.setNearest(i, this.search(this.villages[i].position));
    }
  }

  private add(id: PointId, position: LngLat): void {
    this.current.set(id, position);
    this.added.set(id, position);
    let reach = 0;
    for (let i = 0; i < this.dist.length; i++) if (this.dist[i] > reach) reach = this.dist[i];
    const box = Number.isFinite(reach) ? bboxAround(position, reach) : ([-180, -90, 180, 90] as const);
    for (const i of this.villageIndex.range(box[0], box[1], box[2], box[3])) {
      if (i >= this.villages.length) continue;
      const d = haversineM(this.villages[i].position, position);
      const cur = this.nearestId[i];
      if (cur === null || d < this.dist[i] || (d === this.dist[i] && compareIds(id, cur) < 0)) this.setNearest(i, { id, distanceM: d });
    }
  }
}
