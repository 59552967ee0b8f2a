import type { Point } from '../../domain/points/point.js';
import type { PointDraft } from '../../domain/points/validate.js';
import type { ImportWriter } from '../../storage/importWriter.js';
import { ConflictError } from '../../errors.js';
import { rowToBody, type FieldError, type PointBody } from './rowBody.js';
import type { ImportFormat, ImportReport, ParsedItem, RawRow, RowError, RowSource } from './types.js';

/*
 * How an import stays all-or-nothing without holding the file twice in memory
 * ---------------------------------------------------------------------------
 * Two streaming passes over a re-readable source:
 *  1. CHECK (no transaction, nothing written): parse record by record, validate each row, resolve
 *     whether it creates or updates (by external_id, else by id), and catch duplicates inside the file.
 *     Memory: the errors (first MAX_ERRORS) plus two maps of keys already seen (external_id → line,
 *     point id → line) — never the rows themselves.
 *  2. WRITE (only when pass 1 found no error and this is not a dry run): parse again and write each row
 *     inside ONE transaction, so a crash, a kill -9 or a failure at row 99,999 leaves the database as it
 *     was (SQLite rolls back an uncommitted WAL transaction on the next open). Rows are re-validated and
 *     re-matched inside the transaction, so a change made between the passes cannot slip through: any
 *     problem then throws and rolls back.
 *     - In-memory inputs (HTTP bodies) write synchronously inside db.transaction: no other request on
 *       the shared connection can interleave with the import.
 *     - Files (the CLI) stream across awaits, in chunks, inside BEGIN IMMEDIATE … COMMIT on the CLI's own
 *       connection; other processes keep reading the last committed state (WAL) meanwhile.
 * Parsing twice costs less than keeping 100k parsed rows; both passes are prepared-statement lookups.
 */

/** The most errors a report lists; the total is still counted. */
export const MAX_ERRORS = 1000;
/** Rows written between awaits in the streaming write pass. */
const CHUNK_ROWS = 2000;

/** Progress of a long import: which pass, rows seen, bytes of input consumed. */
export interface ImportProgress {
  phase: 'check' | 'write';
  rows: number;
  bytes: number;
  totalBytes?: number;
}

/** Validation result of one point body (the point service's DraftResult). */
export type DraftCheck = { ok: true; draft: PointDraft } | { ok: false; issues: FieldError[] };

/**
 * The point service as the import uses it, so rows validate and write exactly like the staff form
 * (PointEditService: validateNew / validatePatch / save).
 */
export interface PointRowPort {
  /** The stored point with this id (retired included), or undefined. */
  get(id: number): Point | undefined;
  /** Validates a complete new point. */
  validateNew(body: PointBody): DraftCheck;
  /** Validates the given fields over a stored point. */
  validatePatch(existing: Point, body: PointBody): DraftCheck;
  /** Writes one point (insert without id), joining the caller's transaction; no per-row audit. */
  save(draft: PointDraft, opts: { id?: number; source?: string }): void;
}

/** What the pipeline needs from the rest of the server. */
export interface ImportDeps {
  points: PointRowPort;
  writer: ImportWriter;
  /** Records the import in the audit trail, inside the import's transaction. */
  recordAudit?: (entry: ImportAuditEntry) => void;
}

/** One audit entry per (non-dry-run) import. */
export interface ImportAuditEntry {
  actor: ImportActor | null;
  format: ImportFormat;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  sourceLabel: string;
}

/** Who ran the import: a user (HTTP) or null for the command line. */
export interface ImportActor {
  id: number;
  email: string;
}

export interface ImportOptions {
  dryRun: boolean;
  actor?: ImportActor | null;
  /** Provenance written on created points, e.g. 'Import: bangli.csv'. Default 'Import (<format>)'. */
  sourceLabel?: string;
  onProgress?: (p: ImportProgress) => void;
}

/** The result: the report, and whether it was written. */
export interface ImportOutcome {
  report: ImportReport;
  /** True when the file had errors and (not being a dry run) nothing was written. */
  rejected: boolean;
}

type Checked =
  | { ok: true; row: RawRow; draft: PointDraft; matchId: number | null; unchanged: boolean }
  | { ok: false; row: RawRow; errors: FieldError[] };

/** Per-pass state: keys seen so far in this file, to refuse two rows for one point. */
class RowChecker {
  private readonly externalIds = new Map<string, number>();
  private readonly matchedIds = new Map<number, number>();

  constructor(private readonly deps: ImportDeps) {}

  check(row: RawRow): Checked {
    if (row.errors?.length) return { ok: false, row, errors: row.errors };
    const body = rowToBody(row.fields);
    const errors: FieldError[] = [];
    const id = parseId(row.fields.id, errors);
    const ext = typeof body.external_id === 'string' && body.external_id.trim() !== '' ? body.external_id.trim() : null;
    const matchId = errors.length ? null : this.match(ext, id, row.line, errors);
    const existing = matchId === null ? undefined : this.deps.points.get(matchId);
    const result = existing ? this.deps.points.validatePatch(existing, body) : this.deps.points.validateNew(body);
    if (!result.ok) errors.push(...result.issues);
    if (errors.length > 0 || !result.ok) return { ok: false, row, errors };
    let unchanged = false;
    if (existing && (row.source === undefined || row.source === existing.source)) {
      // The stored point through the same merge with nothing changed: equal drafts = nothing to write.
      const before = this.deps.points.validatePatch(existing, {});
      unchanged = before.ok && JSON.stringify(before.draft) === JSON.stringify(result.draft);
    }
    return { ok: true, row, draft: result.draft, matchId, unchanged };
  }

  /** The id of the point this row updates, or null to create one; pushes errors for conflicts. */
  private match(ext: string | null, id: number | null, line: number, errors: FieldError[]): number | null {
    const { writer } = this.deps;
    if (ext !== null) {
      const seen = this.externalIds.get(ext);
      if (seen !== undefined) {
        errors.push({ field: 'external_id', message: `external_id "${ext}" is also on line ${seen}; each point may appear once per file` });
        return null;
      }
      this.externalIds.set(ext, line);
    }
    let matchId: number | null = null;
    const byExt = ext !== null ? writer.keyByExternalId(ext) : undefined;
    if (byExt) {
      if (id !== null && id !== byExt.id) {
        errors.push({ field: 'id', message: `id ${id} and external_id "${ext}" name different points (that external_id is point ${byExt.id}); fix or empty one of them` });
        return null;
      }
      matchId = byExt.id;
    } else if (id !== null) {
      const byId = writer.keyById(id);
      if (!byId) {
        errors.push({ field: 'id', message: `there is no point with id ${id} in this database; leave id empty to create a new point` });
        return null;
      }
      if (ext !== null && byId.external_id !== null && byId.external_id !== ext) {
        errors.push({ field: 'external_id', message: `point ${id} has external_id "${byId.external_id}", not "${ext}"; fix the row or empty its id` });
        return null;
      }
      matchId = id;
    }
    if (matchId !== null) {
      const seen = this.matchedIds.get(matchId);
      if (seen !== undefined) {
        errors.push({ field: id !== null ? 'id' : 'external_id', message: `point ${matchId} is also updated on line ${seen}; each point may appear once per file` });
        return null;
      }
      this.matchedIds.set(matchId, line);
    }
    return matchId;
  }
}

function parseId(v: unknown, errors: FieldError[]): number | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    errors.push({ field: 'id', message: `id must be a positive whole number, a point id from this database (got ${JSON.stringify(v)}); leave it empty for new points` });
    return null;
  }
  return n;
}

/** Applies checked rows: update the matched point (unless nothing differs) or create one. */
class RowWriter {
  created = 0;
  updated = 0;
  unchanged = 0;

  constructor(private readonly deps: ImportDeps, private readonly defaultSource: string) {}

  write(c: Extract<Checked, { ok: true }>): void {
    if (c.matchId !== null) {
      this.updated++;
      if (c.unchanged) {
        this.unchanged++;
        return;
      }
      this.deps.points.save(c.draft, { id: c.matchId, source: c.row.source });
    } else {
      this.deps.points.save(c.draft, { source: c.row.source ?? this.defaultSource });
      this.created++;
    }
  }
}

function emptyReport(format: ImportFormat, dryRun: boolean): ImportReport {
  return { created: 0, updated: 0, unchanged: 0, errors: [], skipped: [], format, dry_run: dryRun };
}

/**
 * Checks and (unless a dry run or invalid) writes an import, all or nothing. See the comment at the top
 * of this file for the two-pass design. Throws ConflictError if the data changed between the passes.
 */
export async function runImport(source: RowSource, deps: ImportDeps, opts: ImportOptions): Promise<ImportOutcome> {
  const report = emptyReport(source.format, opts.dryRun);
  const progress = (phase: ImportProgress['phase'], rows: number, bytes: number) =>
    opts.onProgress?.({ phase, rows, bytes, totalBytes: source.sizeBytes });

  // Pass 1: check.
  let errorCount = 0;
  let rows = 0;
  let lastBytes = 0;
  const checker = new RowChecker(deps);
  for await (const item of source.items()) {
    if ('skipped' in item) {
      if (report.skipped.length < MAX_ERRORS) report.skipped.push(item.skipped);
      continue;
    }
    const c = checker.check(item.row);
    if (!c.ok) {
      errorCount += c.errors.length;
      for (const e of c.errors) if (report.errors.length < MAX_ERRORS) report.errors.push({ line: c.row.line, ...e } satisfies RowError);
    } else if (c.matchId === null) report.created++;
    else {
      report.updated++;
      if (c.unchanged) report.unchanged++;
    }
    rows++;
    lastBytes = item.row.bytes ?? lastBytes;
    if (rows % 1000 === 0) progress('check', rows, lastBytes);
  }
  progress('check', rows, source.sizeBytes ?? lastBytes);
  if (errorCount > report.errors.length) report.error_count = errorCount;
  if (errorCount > 0) return { report, rejected: !opts.dryRun };
  if (opts.dryRun) return { report, rejected: false };

  // Pass 2: write, in one transaction.
  const label = opts.sourceLabel ?? `Import (${source.format})`;
  const writer = new RowWriter(deps, label);
  const writeChecker = new RowChecker(deps);
  let written = 0;
  const apply = (item: ParsedItem) => {
    if ('skipped' in item) return;
    const c = writeChecker.check(item.row);
    if (!c.ok) {
      const e = c.errors[0];
      throw new ConflictError(`The data changed while importing (line ${c.row.line}, ${e.field}: ${e.message}); nothing was imported, run it again.`, e.field);
    }
    writer.write(c);
    written++;
  };
  const finish = () => {
    deps.recordAudit?.({
      actor: opts.actor ?? null, format: source.format, created: writer.created, updated: writer.updated,
      unchanged: writer.unchanged, skipped: report.skipped.length, sourceLabel: label,
    });
  };

  if (source.eachSync) {
    const eachSync = source.eachSync;
    deps.writer.atomically(() => {
      eachSync(apply);
      finish();
    });
  } else {
    deps.writer.begin();
    try {
      let chunk: ParsedItem[] = [];
      let bytes = 0;
      const flush = () => {
        for (const item of chunk) apply(item);
        chunk = [];
        progress('write', written, bytes);
      };
      for await (const item of source.items()) {
        chunk.push(item);
        if ('row' in item) bytes = item.row.bytes ?? bytes;
        if (chunk.length >= CHUNK_ROWS) flush();
      }
      flush();
      finish();
      deps.writer.commit();
    } catch (err) {
      deps.writer.rollback();
      throw err;
    }
  }
  progress('write', written, source.sizeBytes ?? 0);
  return {
    report: { ...report, created: writer.created, updated: writer.updated, unchanged: writer.unchanged },
    rejected: false,
  };
}
