import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import type { Point, PointInput } from '../domain/points/point.js';
import { parseVerification, type Verification } from '../domain/points/verification.js';
import type { IndexColumns, IndexEntry } from '../domain/geo/nearestIndex.js';
import { POINT_TYPES, SERVICES, serviceMask, typeBit, type PointType, type Service } from '../domain/points/vocabulary.js';

interface Row {
  id: number; name: string; type: string; lng: number; lat: number; village_code: string | null;
  address: string | null; phone: string | null; whatsapp: string | null; services: string;
  opening_hours: string | null; market_days: string | null; opens: string | null; closes: string | null;
  accuracy: string; location_note: string | null; location_note_code: string | null; verified_at: string | null; verification: string | null;
  verified_until: string | null; status: string; source: string;
  external_id: string | null; notes: string | null; created_at: string; updated_at: string;
}

/** Most ids per `IN (…)` query (SQLite allows far more; 100 is the API's largest page). */
const IN_BATCH = 100;

/**
 * The index columns as three single-value queries (better-sqlite3 makes a JS array per row for multi-column
 * rows, which cost more than the table scan itself: ~270 ms against ~140 ms at 100 000 points).
 * id, type and services travel packed in one integer: id × 256 + type index × 32 + service mask, with
 * type and services decoded by SQLite, so no JS string is made per row. A service is matched by its
 * quoted JSON token ("claims"), which no other token of the vocabulary contains.
 */
const UNKNOWN_TYPE = 7;
const TYPE_INDEX_SQL = `CASE type ${POINT_TYPES.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} ELSE ${UNKNOWN_TYPE} END`;
const SERVICE_MASK_SQL = SERVICES.map((s, i) => `((instr(services, '"${s}"') > 0) << ${i})`).join(' | ');
const VISIBLE_BY_ID = "FROM points WHERE status != 'retired' ORDER BY id";

const COLUMNS = [
  'name', 'type', 'lng', 'lat', 'village_code', 'address', 'phone', 'whatsapp', 'services', 'opening_hours',
  'market_days', 'opens', 'closes', 'accuracy', 'location_note', 'location_note_code', 'verified_at', 'status', 'source', 'external_id', 'notes',
] as const;

function fromRow(r: Row): Point {
  return {
    id: r.id, name: r.name, type: r.type as Point['type'], position: [r.lng, r.lat], village_code: r.village_code,
    address: r.address, phone: r.phone, whatsapp: r.whatsapp, services: JSON.parse(r.services),
    opening_hours: r.opening_hours ? JSON.parse(r.opening_hours) : null,
    market_days: r.market_days ? JSON.parse(r.market_days) : null, opens: r.opens, closes: r.closes,
    accuracy: r.accuracy as Point['accuracy'], location_note: r.location_note, location_note_code: r.location_note_code, verified_at: r.verified_at,
    verification: parseVerification(r.verification), verified_until: r.verified_until,
    status: r.status as Point['status'], source: r.source, external_id: r.external_id, notes: r.notes,
    created_at: r.created_at, updated_at: r.updated_at,
  };
}

function toParams(p: PointInput): Record<string, unknown> {
  return {
    name: p.name, type: p.type, lng: p.position[0], lat: p.position[1], village_code: p.village_code,
    address: p.address, phone: p.phone, whatsapp: p.whatsapp, services: JSON.stringify(p.services),
    opening_hours: p.opening_hours ? JSON.stringify(p.opening_hours) : null,
    market_days: p.market_days ? JSON.stringify(p.market_days) : null, opens: p.opens, closes: p.closes,
    accuracy: p.accuracy, location_note: p.location_note, location_note_code: p.location_note_code ?? null, verified_at: p.verified_at, status: p.status,
    source: p.source, external_id: p.external_id, notes: p.notes,
  };
}

/**
 * SQL for service points. Every write bumps `writeCount` so in-process caches (the nearest index) know
 * to rebuild; `changeStamp()` also folds in SQLite's data_version, which moves when ANOTHER connection
 * (e.g. the import CLI) commits.
 */
/** Ids kept in the write log (see changedSince); older ones are dropped and readers then reload everything. */
const MAX_LOGGED_WRITES = 10_000;

export class PointStore {
  private writeCount = 0;
  /** The id of each write of this connection, oldest first: write number logBase + i wrote log[i]. */
  private log: number[] = [];
  private logBase = 0;
  private readonly stmts;
  /** `SELECT … WHERE id IN (?, …)` statements by number of ids, prepared on first use. */
  private readonly inStmts = new Map<number, Database.Statement<number[], Row>>();

  constructor(private readonly db: Db) {
    this.stmts = {
      get: db.prepare<[number], Row>('SELECT * FROM points WHERE id = ?'),
      byExternalId: db.prepare<[string], Row>('SELECT * FROM points WHERE external_id = ?'),
      listVisible: db.prepare<[], Row>("SELECT * FROM points WHERE status != 'retired' ORDER BY id"),
      listAll: db.prepare<[], Row>('SELECT * FROM points ORDER BY id'),
      visibleAfter: db.prepare<[number, number], Row>("SELECT * FROM points WHERE status != 'retired' AND id > ? ORDER BY id LIMIT ?"),
      indexRows: db.prepare<[], { id: number; lng: number; lat: number; type: string; services: string }>(
        "SELECT id, lng, lat, type, services FROM points WHERE status != 'retired'",
      ),
      indexPacked: db.prepare<[], number>(`SELECT id * 256 + (${TYPE_INDEX_SQL}) * 32 + (${SERVICE_MASK_SQL}) ${VISIBLE_BY_ID}`).pluck(),
      indexLng: db.prepare<[], number>(`SELECT lng ${VISIBLE_BY_ID}`).pluck(),
      indexLat: db.prepare<[], number>(`SELECT lat ${VISIBLE_BY_ID}`).pluck(),
      insert: db.prepare(
        `INSERT INTO points (${COLUMNS.join(', ')}, created_at, updated_at)
         VALUES (${COLUMNS.map((c) => '@' + c).join(', ')}, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE points SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM points'),
      setVerification: db.prepare('UPDATE points SET verification = @verification, verified_at = @at, verified_until = @until WHERE id = @id'),
      // Prepared once: db.pragma() would compile the statement again on every call (~10 µs per request).
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
  }

  /** One point by id, retired ones included; undefined when unknown. */
  get(id: number): Point | undefined {
    const r = this.stmts.get.get(id);
    return r && fromRow(r);
  }

  /** One point by its external id (import key), or undefined. */
  getByExternalId(externalId: string): Point | undefined {
    const r = this.stmts.byExternalId.get(externalId);
    return r && fromRow(r);
  }

  /** Points that the public may see (not retired), by id. */
  listVisible(): Point[] {
    return this.stmts.listVisible.all().map(fromRow);
  }

  /**
   * Up to `limit` visible points with id > `afterId`, by id: one page of a streamed export. The statement is
   * iterated row by row and finished within the call, because an open iterator would keep the connection
   * busy for every other request while the response streams.
   */
  visibleAfter(afterId: number, limit: number): Point[] {
    const out: Point[] = [];
    for (const r of this.stmts.visibleAfter.iterate(afterId, limit)) out.push(fromRow(r));
    return out;
  }

  /** Every point, retired included (for staff). */
  listAll(): Point[] {
    return this.stmts.listAll.all().map(fromRow);
  }

  /**
   * Points by id, in the order of `ids`, skipping unknown ids. One prepared `WHERE id IN (…)` query
   * per batch of up to 100 ids rather than one query per id.
   */
  getMany(ids: readonly number[]): Point[] {
    const byId = new Map<number, Point>();
    for (let i = 0; i < ids.length; i += IN_BATCH) {
      const batch = ids.slice(i, i + IN_BATCH);
      let stmt = this.inStmts.get(batch.length);
      if (!stmt) {
        stmt = this.db.prepare<number[], Row>(`SELECT * FROM points WHERE id IN (${batch.map(() => '?').join(',')})`);
        this.inStmts.set(batch.length, stmt);
      }
      for (const r of stmt.all(...batch)) byId.set(r.id, fromRow(r));
    }
    const out: Point[] = [];
    for (const id of ids) {
      const p = byId.get(id);
      if (p) out.push(p);
    }
    return out;
  }

  /** Entries for the nearest index: every non-retired point with its type and service bits. */
  indexEntries(): IndexEntry[] {
    // Few distinct service lists exist, so parse each distinct JSON text once (cold start at 100k points).
    const masks = new Map<string, number>();
    return this.stmts.indexRows.all().map((r) => {
      let mask = masks.get(r.services);
      if (mask === undefined) masks.set(r.services, (mask = serviceMask(JSON.parse(r.services) as Service[])));
      return { id: r.id, position: [r.lng, r.lat], typeBit: typeBit(r.type as PointType), serviceMask: mask };
    });
  }

  /** The same as indexEntries(), as columns: what the finder's index is built from (fast at 100k+ points). */
  indexColumns(): IndexColumns {
    // One read transaction: the three scans see the same snapshot even while another connection writes.
    const [packed, lng, lat] = this.db.transaction(() => [this.stmts.indexPacked.all(), this.stmts.indexLng.all(), this.stmts.indexLat.all()])();
    const n = packed.length;
    const c: IndexColumns = { ids: new Float64Array(n), lng: Float64Array.from(lng), lat: Float64Array.from(lat), typeBits: new Uint32Array(n), serviceMasks: new Uint32Array(n) };
    for (let i = 0; i < n; i++) {
      const p = packed[i];
      const low = p % 256;
      const type = low >> 5;
      c.ids[i] = (p - low) / 256;
      c.typeBits[i] = type === UNKNOWN_TYPE ? 0 : 1 << type;
      c.serviceMasks[i] = low & 31;
    }
    return c;
  }

  /** Inserts a point and returns its new id. `now` is an ISO timestamp. */
  insert(p: PointInput, now: string): number {
    const info = this.stmts.insert.run({ ...toParams(p), now });
    const id = Number(info.lastInsertRowid);
    this.wrote(id);
    return id;
  }

  /** Replaces every writable field of point `id`. */
  update(id: number, p: PointInput, now: string): void {
    this.stmts.update.run({ ...toParams(p), now, id });
    this.wrote(id);
  }

  /** Records a check of point `id`: its method record, verified_at = the check's time, and verified_until. */
  setVerification(id: number, v: Verification, until: string): void {
    this.stmts.setVerification.run({ id, verification: JSON.stringify(v), at: v.at, until });
    this.wrote(id);
  }

  /** Number of points, retired included. */
  count(): number {
    return this.stmts.count.get()!.n;
  }

  /** Changes whenever the points may have changed, in this process or another. */
  changeStamp(): string {
    return `${this.writeCount}:${this.stmts.dataVersion.get()}`;
  }

  private wrote(id: number): void {
    this.writeCount++;
    this.log.push(id);
    if (this.log.length > MAX_LOGGED_WRITES) {
      const drop = this.log.length - MAX_LOGGED_WRITES / 2;
      this.log.splice(0, drop);
      this.logBase += drop;
    }
  }

  /**
   * The ids of the points written since `stamp` (a changeStamp() value), each once, so a reader can re-read only
   * those rows; null when that is not known: another connection wrote (data_version moved) or the log no longer
   * reaches back that far. A write whose transaction rolled back is listed too (re-reading it is harmless).
   */
  changedSince(stamp: string): number[] | null {
    const [writes, dataVersion] = stamp.split(':');
    const from = Number(writes);
    if (dataVersion !== String(this.stmts.dataVersion.get()) || !Number.isInteger(from) || from < this.logBase || from > this.writeCount) return null;
    return [...new Set(this.log.slice(from - this.logBase))];
  }
}
