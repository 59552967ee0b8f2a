/**
 * The live state behind GET /api/coverage for one visit window (`days`): the reaching places, the nearest place of
 * every village (IncrementalReach), and the last answers with their serialized parts. A change of one point costs
 * re-reading that row, the villages it can affect, and re-serializing the blocks holding them, not a re-read of
 * every point and a new answer (the full build does that once, or when the change log cannot say what changed).
 */
import { IncrementalReach } from '../domain/coverage/incrementalReach.js';
import type { CoverageVillage, ReachResult } from '../domain/coverage/reach.js';
import type { LngLat } from '../domain/geo/types.js';
import type { Point } from '../domain/points/point.js';
import type { CoverageResult, VillageCoverage } from './coverage.js';

/** Villages per serialized block: a change re-serializes the blocks it touches (a few KB each), not the answer. */
const BLOCK = 256;
/** Radii whose answers are kept per window (radius_km is free text, so the keys are unbounded). */
const MAX_ANSWERS = 4;

/** What a window needs from the outside world; the service supplies it. */
export interface WindowSource {
  villages: readonly CoverageVillage[];
  districtName(code: string): string;
  /** Visible points (not retired), all of them: the full build. */
  listVisible(): Point[];
  /** These points by id (retired included), skipping deleted ones. */
  getMany(ids: readonly number[]): Point[];
  /** Points written since a stamp, or null when unknown (then the window is rebuilt). */
  changedSince(stamp: string): number[] | null;
  pointStamp(): string;
  visitStamp(): string;
  /** Points with a counted visit in the window (visible or not) and until when that set holds (ms). */
  visitPlaces(days: number): { ids: Set<number>; validUntilMs: number };
}

interface Answer {
  /** The data version it was made at (points|visits|validUntil). */
  version: string;
  /** Which reach result it was patched from (this window's result() call number). */
  call: number;
  result: CoverageResult;
  blocks: string[];
  body: string | null;
}

function reaching(p: Point | undefined, visitIds: Set<number>): LngLat | null {
  if (!p || p.status === 'retired') return null;
  return (p.status === 'active' && p.services.includes('registration')) || visitIds.has(p.id) ? p.position : null;
}

export class CoverageWindow {
  private pointStamp = '';
  private visitStamp = '';
  validUntilMs = 0;
  private visitIds = new Set<number>();
  private inc: IncrementalReach | null = null;
  private calls = 0;
  private readonly answers = new Map<number, Answer>();

  constructor(private readonly days: number, private readonly src: WindowSource) {}

  /** Brings the places up to date at `nowMs`: only changed point rows (and visits) are read, unless unknown. */
  sync(nowMs: number): void {
    const pointStamp = this.src.pointStamp();
    const visitStamp = this.src.visitStamp();
    const pointsChanged = pointStamp !== this.pointStamp;
    const visitsChanged = visitStamp !== this.visitStamp || nowMs >= this.validUntilMs;
    if (this.inc && !pointsChanged && !visitsChanged) return;
    const changed = !this.inc ? null : pointsChanged ? this.src.changedSince(this.pointStamp) : [];
    if (changed === null) return this.build(pointStamp, visitStamp);
    const ids = new Set(changed);
    if (visitsChanged) {
      const next = this.src.visitPlaces(this.days);
      for (const id of next.ids) if (!this.visitIds.has(id)) ids.add(id);
      for (const id of this.visitIds) if (!next.ids.has(id)) ids.add(id);
      this.visitIds = next.ids;
      this.validUntilMs = next.validUntilMs;
    }
    if (ids.size > 0) {
      const byId = new Map(this.src.getMany([...ids]).map((p) => [p.id, p]));
      this.inc!.apply([...ids].map((id) => ({ id, position: reaching(byId.get(id), this.visitIds) })));
    }
    this.pointStamp = pointStamp;
    this.visitStamp = visitStamp;
  }

  private build(pointStamp: string, visitStamp: string): void {
    const { ids, validUntilMs } = this.src.visitPlaces(this.days);
    this.visitIds = ids;
    this.validUntilMs = validUntilMs;
    const places = [];
    for (const p of this.src.listVisible()) {
      const position = reaching(p, ids);
      if (position) places.push({ point_id: p.id, position });
    }
    this.inc = new IncrementalReach(this.src.villages, places);
    this.answers.clear();
    this.pointStamp = pointStamp;
    this.visitStamp = visitStamp;
  }

  private version(): string {
    return `${this.pointStamp}|${this.visitStamp}|${this.validUntilMs}`;
  }

  /** The answer for radiusKm (call sync first), patched from the previous one where only some villages changed. */
  answer(radiusKm: number): Answer {
    const version = this.version();
    const prev = this.answers.get(radiusKm);
    if (prev && prev.version === version) return prev;
    const reach = this.inc!.result(radiusKm);
    this.calls++;
    const rewritten = this.inc!.lastRewritten;
    let villages: VillageCoverage[];
    let blocks: string[];
    let covered: number;
    if (prev && prev.call === this.calls - 1 && rewritten !== null) {
      villages = prev.result.villages.slice();
      blocks = prev.blocks.slice();
      covered = prev.result.covered;
      const touched = new Set<number>();
      for (const i of rewritten) {
        const e = this.entry(reach, i, radiusKm);
        covered += Number(e.covered) - Number(villages[i].covered);
        villages[i] = e;
        touched.add(Math.floor(i / BLOCK));
      }
      for (const b of touched) blocks[b] = serializeBlock(villages, b);
    } else {
      villages = reach.villages.map((_, i) => this.entry(reach, i, radiusKm));
      covered = villages.reduce((n, v) => n + Number(v.covered), 0);
      blocks = Array.from({ length: Math.ceil(villages.length / BLOCK) }, (_, b) => serializeBlock(villages, b));
    }
    const a: Answer = { version, call: this.calls, result: { radius_km: radiusKm, days: this.days, covered, total: villages.length, villages }, blocks, body: null };
    this.answers.delete(radiusKm);
    if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(radiusKm, a);
    return a;
  }

  private entry(reach: ReachResult, i: number, radiusKm: number): VillageCoverage {
    const v = reach.villages[i];
    // Round first and decide `covered` on the rounded value, so the response is self-consistent.
    const distance_m = v.distance_m === null ? null : Math.round(v.distance_m * 10) / 10;
    return {
      code: v.code,
      name: v.name,
      district_code: v.district_code,
      district_name: this.src.districtName(v.code),
      distance_m,
      nearest_point_id: v.nearest_point_id === null ? null : Number(v.nearest_point_id),
      covered: distance_m !== null && distance_m <= radiusKm * 1000,
    };
  }
}

function serializeBlock(villages: readonly VillageCoverage[], b: number): string {
  return JSON.stringify(villages.slice(b * BLOCK, (b + 1) * BLOCK)).slice(1, -1);
}

/** The answer as JSON text, byte for byte JSON.stringify(result), joined from the kept blocks. */
export function answerBody(a: Answer): string {
  if (a.body === null) {
    const r = a.result;
    a.body = `{"radius_km":${JSON.stringify(r.radius_km)},"days":${JSON.stringify(r.days)},"covered":${r.covered},"total":${r.total},"villages":[${a.blocks.join(',')}]}`;
  }
  return a.body;
}
