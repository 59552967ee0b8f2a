/**
 * Staff edits of service points: create, update, retire, restore, verify, history, the staff list.
 *
 * For the import pipeline (POST /api/import, the import CLI) — use these, so imports validate and write
 * exactly like the form does and the nearest index stays correct (every write goes through PointStore):
 *   - `services.pointEdits.validateNew(row)`          → { ok: true, draft } | { ok: false, issues: [{field, message}] }
 *       a full point (name, type, lat, lng required; unknown fields rejected; phone normalised to +62…),
 *       including the service-region check. Pure field checks are in server/domain/points/validate.ts.
 *   - `services.pointEdits.validatePatch(existing, row)` the same for a partial update over a stored point.
 *   - `services.pointEdits.save(actor, draft, { id?, source?, action?, audit? })` → { point, warnings }
 *       inserts (no id) or replaces (id) one point in a transaction, deriving village_code from the position.
 *       Inside your own `db.transaction` it becomes a savepoint, so a whole import stays all-or-nothing.
 *       Pass `audit: false` for bulk rows and write one summary with `services.audit.recordImport(actor, summary)`.
 *   - `services.pointEdits.findDuplicates(type, position, excludeId?)` → possible_duplicate warnings (50 m).
 *   - `services.pointStore.getByExternalId(id)` finds the row a re-import updates.
 * `actor` is the SessionUser (`c.get('user')`) or SYSTEM_ACTOR / { id: null, email: 'cli:…' } for the CLI.
 */
import { subMonths } from 'date-fns';
import type { Db } from '../storage/db.js';
import type { PointStore } from '../storage/points.js';
import { StaffPointQueries, type StaffFilter } from '../storage/staffPoints.js';
import type { Point, PointFeature, PointInput } from '../domain/points/point.js';
import type { BBox, LngLat } from '../domain/geo/types.js';
import { haversineM } from '../domain/geo/distance.js';
import { typeBit, type PointType } from '../domain/points/vocabulary.js';
import {
  checkPointFields, mergePointPatch, type FieldIssue, type PointDraft,
} from '../domain/points/validate.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../errors.js';
import { validateNewPoint } from '../domain/points/newPoint.js';
import type { VillageService } from './villages.js';
import type { FinderService } from './finder.js';
import { reauthorize, type Actor, type AuditAction, type AuditService } from './audit.js';
import { NO_IF_MATCH, type VersionService } from './versions.js';
import type { IfMatch } from '../domain/concurrency/etag.js';
import { checkExactClaim, checkVerifyRequest, type VerifyRequest } from './pointVerify.js';
import { verifiedUntil, type Verification } from '../domain/points/verification.js';

/** Same type within this distance of another non-retired point → a possible duplicate. */
export const DUPLICATE_RADIUS_M = 50;
/** Not verified for this many months → "stale" in the staff list. */
export const STALE_AFTER_MONTHS = 6;

/** A non-blocking note about a write, returned next to the Feature. */
export interface WriteWarning {
  code: 'possible_duplicate';
  point_id: number;
  distance_m: number;
  message: string;
}

export type DraftResult = { ok: true; draft: PointDraft } | { ok: false; issues: FieldIssue[] };

/** A Feature as a write returns it: the point plus warnings (a GeoJSON foreign member). */
export type WrittenFeature = PointFeature & { warnings: WriteWarning[] };

/** Throws a 400 naming the first bad field and listing every issue in `error.issues`. */
export function throwIssues(issues: FieldIssue[]): never {
  const first = issues[0];
  throw new HttpError(400, first.message, { field: first.field, code: 'invalid', extra: { issues } });
}

function draftOf(p: Point): PointDraft {
  return {
    name: p.name, type: p.type, position: p.position, services: p.services, opening_hours: p.opening_hours,
    phone: p.phone, whatsapp: p.whatsapp, address: p.address, accuracy: p.accuracy, location_note: p.location_note,
    status: p.status === 'retired' ? 'active' : p.status, external_id: p.external_id, notes: p.notes,
    market_days: p.market_days, opens: p.opens, closes: p.closes,
  };
}

/** Staff writes to service points, each one transactional and audited. */
export class PointEditService {
  private readonly staffQueries: StaffPointQueries;

  constructor(
    private readonly db: Db,
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly finder: FinderService,
    private readonly audit: AuditService,
    private readonly region: BBox,
    private readonly now: () => Date,
    private readonly versions: VersionService,
    /** The deployment has street tiles (TILE_URL): a pin moved on the map may then be exact. */
    private readonly streetTiles = false,
  ) {
    this.staffQueries = new StaffPointQueries(db);
  }

  /** Validates a complete new point (create, import row). */
  validateNew(body: unknown): DraftResult {
    return validateNewPoint(body, this.region);
  }

  /** The service region new points must lie in ([minLng, minLat, maxLng, maxLat]). */
  get serviceRegion(): BBox {
    return this.region;
  }

  /** Validates a partial update over a stored point. */
  validatePatch(existing: Point, body: unknown): DraftResult {
    const { value, issues } = checkPointFields(body, { partial: true });
    if (issues.length > 0) return { ok: false, issues };
    const merged = mergePointPatch(draftOf(existing), value, this.region);
    return merged.issues.length > 0 ? { ok: false, issues: merged.issues } : { ok: true, draft: merged.draft };
  }

  /** Other non-retired points of `type` within 50 m of `position` (metres), nearest first. */
  findDuplicates(type: PointType, position: LngLat, excludeId?: number): WriteWarning[] {
    const hits = this.finder.currentIndex().nearest(position, { limit: 6, maxDistanceM: DUPLICATE_RADIUS_M, typeMask: typeBit(type) });
    return this.points
      .getMany(hits.filter((h) => h.id !== excludeId).map((h) => h.id))
      .map((p) => {
        const distance_m = Math.round(haversineM(position, p.position) * 10) / 10;
        return {
          code: 'possible_duplicate' as const,
          point_id: p.id,
          distance_m,
          message: `"${p.name}" (id ${p.id}) is also a ${type} and only ${Math.round(distance_m)} m away: check that this is not the same place; if it is, edit that one and retire this one.`,
        };
      });
  }

  /**
   * Inserts (no `id`) or replaces (`id`) a point from a valid draft, in one transaction with its audit
   * entry. village_code is always derived from the position. Throws 409 when external_id belongs to
   * another point, 404 for an unknown id. Returns the stored point and duplicate warnings.
   */
  save(
    actor: Actor,
    draft: PointDraft,
    opts: { id?: number; source?: string; action?: AuditAction; audit?: boolean; checkDuplicates?: boolean } = {},
  ): { point: Point; warnings: WriteWarning[] } {
    return this.db.transaction(() => {
      reauthorize(actor);
      const before = opts.id === undefined ? undefined : this.points.get(opts.id);
      if (opts.id !== undefined && !before) throw new NotFoundError(`No service point with id ${opts.id}`, 'id');
      if (draft.external_id !== null) {
        const other = this.points.getByExternalId(draft.external_id);
        if (other && other.id !== opts.id) {
          throw new ConflictError(`external_id "${draft.external_id}" already belongs to point ${other.id} ("${other.name}"); use another id or edit that point`, 'external_id');
        }
      }
      const moved = !before || before.type !== draft.type || before.position[0] !== draft.position[0] || before.position[1] !== draft.position[1];
      const warnings = opts.checkDuplicates === false || !moved ? [] : this.findDuplicates(draft.type, draft.position, opts.id);
      const record: PointInput = {
        ...draft,
        status: before?.status === 'retired' ? 'retired' : draft.status,
        village_code: this.villages.codeAt(draft.position),
        verified_at: before?.verified_at ?? null,
        source: opts.source ?? before?.source ?? 'staff',
      };
      const stamp = this.now().toISOString();
      let id: number;
      if (before) {
        id = before.id;
        this.points.update(id, record, stamp);
      } else id = this.points.insert(record, stamp);
      // An import that states exact coordinates is one of the three ways a point becomes exact.
      if (opts.action === 'import' && draft.accuracy === 'exact' && (moved || before?.accuracy !== 'exact')) {
        this.points.setVerification(id, { method: 'import', at: stamp, by: actor.email, accuracy_m: null }, verifiedUntil(this.now()));
      }
      const point = this.points.get(id)!;
      if (opts.audit !== false) this.audit.record(actor, opts.action ?? (before ? 'update' : 'create'), 'point', id, before ?? null, point);
      return { point, warnings };
    })();
  }

  /** POST /api/points: validates and creates a point. */
  create(actor: Actor, body: unknown): WrittenFeature {
    const v = this.validateNew(body);
    if (!v.ok) throwIssues(v.issues);
    checkExactClaim(undefined, v.draft);
    const { point, warnings } = this.save(actor, v.draft);
    return this.feature(point, warnings);
  }

  /**
   * PATCH /api/points/:id: changes the given fields only. A retired point must be restored first.
   * With `ifMatch` from an older read → 412, so a form never writes its stale fields over a newer edit.
   */
  update(actor: Actor, id: number, body: unknown, ifMatch: IfMatch = NO_IF_MATCH): WrittenFeature {
    return this.db.transaction(() => this.updateChecked(actor, id, body, ifMatch))();
  }

  private updateChecked(actor: Actor, id: number, body: unknown, ifMatch: IfMatch): WrittenFeature {
    const existing = this.mustGet(id);
    this.versions.require(ifMatch, this.versions.pointEtag(id));
    if (existing.status === 'retired') throw new ConflictError(`Point ${id} is retired; restore it (POST /api/points/${id}/restore) before editing`, 'id');
    if (typeof body === 'object' && body !== null && Object.keys(body).length === 0) {
      throw new ValidationError('body', 'Send at least one field to change, e.g. {"name":"…"} or {"lat":-8.45,"lng":115.35}');
    }
    const v = this.validatePatch(existing, body);
    if (!v.ok) throwIssues(v.issues);
    const moved = v.draft.position[0] !== existing.position[0] || v.draft.position[1] !== existing.position[1];
    // A pin moved by hand without saying how exact it is becomes a guess again; saying "exact" is checked below.
    if (moved && !(typeof body === 'object' && body !== null && 'accuracy' in body)) v.draft.accuracy = 'approximate';
    checkExactClaim(existing, v.draft);
    // The form sends every field; an unchanged save must not bump updated_at or add a history entry.
    if (JSON.stringify(v.draft) === JSON.stringify(draftOf(existing))) return this.feature(existing, []);
    const { point, warnings } = this.save(actor, v.draft, { id });
    return this.feature(point, warnings);
  }

  /** DELETE /api/points/:id: hides the point from the public; kept with its history and restorable. */
  retire(actor: Actor, id: number, ifMatch: IfMatch = NO_IF_MATCH): WrittenFeature {
    return this.setStatus(actor, id, 'retire', ifMatch);
  }

  /** POST /api/points/:id/restore: makes a retired point public again (as active). */
  restore(actor: Actor, id: number, ifMatch: IfMatch = NO_IF_MATCH): WrittenFeature {
    return this.setStatus(actor, id, 'restore', ifMatch);
  }

  private setStatus(actor: Actor, id: number, action: 'retire' | 'restore', ifMatch: IfMatch): WrittenFeature {
    return this.db.transaction(() => {
      reauthorize(actor);
      const before = this.mustGet(id);
      this.versions.require(ifMatch, this.versions.pointEtag(id));
      if (action === 'retire' && before.status === 'retired') throw new ConflictError(`Point ${id} is already retired`, 'id');
      if (action === 'restore' && before.status !== 'retired') throw new ConflictError(`Point ${id} is not retired (status ${before.status}); nothing to restore`, 'id');
      // A restored point may now sit next to one added meanwhile: warn as for a new point.
      const warnings = action === 'restore' ? this.findDuplicates(before.type, before.position, id) : [];
      const point = this.writeFields(actor, before, { status: action === 'retire' ? 'retired' : 'active' }, action);
      return this.feature(point, warnings);
    })();
  }

  /**
   * POST /api/points/:id/verify: records a check now, by whom and how (server/services/pointVerify.ts has the
   * rules). gps and pin_on_tiles move the pin there and make it exact (the "approximate because…" note goes);
   * office_confirmed only renews verified_until. Throws 422 naming the field for a check that proves too little.
   */
  verify(actor: Actor, id: number, body: VerifyRequest, ifMatch: IfMatch = NO_IF_MATCH): WrittenFeature {
    const check = checkVerifyRequest(body, { streetTiles: this.streetTiles });
    return this.db.transaction(() => {
      reauthorize(actor);
      const before = this.mustGet(id);
      this.versions.require(ifMatch, this.versions.pointEtag(id));
      if (before.status === 'retired') throw new ConflictError(`Point ${id} is retired; restore it before verifying`, 'id');
      let warnings: WriteWarning[] = [];
      if (check.lat !== null && check.lng !== null) {
        const v = this.validatePatch(before, { lat: check.lat, lng: check.lng, accuracy: 'exact', location_note: null });
        if (!v.ok) throwIssues(v.issues);
        warnings = this.save(actor, v.draft, { id, audit: false }).warnings;
      }
      const now = this.now();
      const verification: Verification = { method: check.method, at: now.toISOString(), by: actor.email, accuracy_m: check.accuracyM };
      this.points.setVerification(id, verification, verifiedUntil(now));
      const after = this.points.get(id)!;
      this.audit.record(actor, 'verify', 'point', id, before, after);
      return this.feature(after, warnings);
    })();
  }

  private writeFields(actor: Actor, before: Point, change: Partial<PointInput>, action: AuditAction): Point {
    const { id: _id, created_at: _c, updated_at: _u, ...input } = before;
    this.points.update(before.id, { ...input, ...change }, this.now().toISOString());
    const after = this.points.get(before.id)!;
    this.audit.record(actor, action, 'point', before.id, before, after);
    return after;
  }

  /** Audit entries of one point, newest first (retired points included). */
  history(id: number) {
    this.mustGet(id);
    return this.audit.list({ entity: 'point', entityId: id, limit: 500 });
  }

  /** The staff list: every point (retired included) matching `filter` and text `q`, newest edit first. */
  staffList(q: { filter: StaffFilter; q?: string; limit: number; offset: number }) {
    const now = this.now();
    const staleBefore = subMonths(now, STALE_AFTER_MONTHS).toISOString();
    const { ids, total } = this.staffQueries.search({ filter: q.filter, text: q.q?.trim() || null, staleBefore, limit: q.limit, offset: q.offset });
    const features = this.points.getMany(ids).map((p) =>
      this.finder.publicFeature(p, now, { stale: p.status !== 'retired' && (p.verified_at === null || p.verified_at < staleBefore) }),
    );
    return { type: 'FeatureCollection' as const, features, total };
  }

  /** A point as staff see it, retired or not. */
  getForStaff(id: number): PointFeature {
    return this.finder.publicFeature(this.mustGet(id), this.now());
  }

  private feature(p: Point, warnings: WriteWarning[]): WrittenFeature {
    return { ...this.finder.publicFeature(p, this.now()), warnings };
  }

  private mustGet(id: number): Point {
    const p = this.points.get(id);
    if (!p) throw new NotFoundError(`No service point with id ${id}`, 'id');
    return p;
  }
}
