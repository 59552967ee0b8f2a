import type { Point } from '../../domain/points/point.js';
import type { PointDraft } from '../../domain/points/validate.js';
import type { ImportWriter } from '../../storage/importWriter.js';
import type { FieldError, PointBody } from './rowBody.js';
import { prepareRow, type DraftCheck, type PreparedRow } from './prepare.js';
export type { DraftCheck } from './prepare.js';
import type { ImportFormat, ImportReport, ParsedItem, RawRow, RowError, RowSource } from './types.js';

/*
 * How an import stays all-or-nothing without holding the file twice in memory
 * ---------------------------------------------------------------------------
 * ONE streaming pass, inside ONE transaction:
 *  - BEGIN IMMEDIATE (unless a dry run), then parse record by record; each row is validated by the point
 *    service, matched (external_id, else id; duplicates inside the file refused) and written at once
 *    with prepared statements.
 *  - At the FIRST invalid row the transaction is rolled back and the pass carries on checking only, so
 *    the report still lists every error (first MAX_ERRORS) with its line. Nothing is written.
 *  - At the end: commit if no row failed. A crash or kill -9 before COMMIT leaves only uncommitted WAL
 *    frames, which SQLite discards on the next open: the database is untouched or complete.
 * Memory holds the errors and two maps of keys already seen (external_id → line, point id → line),
 * never the rows. A valid file is parsed and validated once; an invalid one costs no more.
 *  - HTTP bodies do NOT come through runImport: offThread.ts parses and prepares rows on a worker thread,
 *    checks them here with RowChecker.checkPrepared a batch at a time, and writes valid imports in one
 *    synchronous transaction at the end, so no other request on the shared connection can run inside it.
 *  - Files (the CLI) stream across awaits with the transaction open. That is safe only on a connection
 *    nothing else uses — the CLI's own; other processes keep reading the last committed state (WAL),
 *    and their writes wait (busy_timeout) or fail until the import commits.
 */

/** The most errors a report lists; the total is still counted. */
export const MAX_ERRORS = 1000;

/** Progress of a long import: which pass, rows seen, bytes of input consumed. */
export interface ImportProgress {
  phase: 'check' | 'write';
  rows: number;
  bytes: number;
  totalBytes?: number;
}


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
  /** Re-checks the importing user's session and role inside the transaction (Actor.authorize); throws 401/403. */
  authorize?: () => void;
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

/** A row checked against the database: what to write, or why not. */
export type Checked =
  | { ok: true; line: number; source?: string; draft: PointDraft; matchId: number | null; unchanged: boolean; checkedVersion: string | null }
  | { ok: false; line: number; source?: string; errors: FieldError[] };

/** Per-pass state: keys seen so far in this file, to refuse two rows for one point. */
export class RowChecker {
  private readonly externalIds = new Map<string, number>();
  private readonly matchedIds = new Map<number, number>();

  constructor(private readonly deps: ImportDeps) {}

  check(row: RawRow): Checked {
    return this.checkPrepared(prepareRow(row, (body) => this.deps.points.validateNew(body)));
  }

  /** Matches a prepared row against the stored points and validates it as an update or a new point. */
  checkPrepared(p: PreparedRow): Checked {
    const at = { line: p.line, source: p.source };
    if (p.parseErrors?.length) return { ok: false, ...at, errors: p.parseErrors };
    const errors: FieldError[] = [...p.idErrors];
    const matchId = errors.length ? null : this.match(p.externalId, p.id, p.line, errors);
    const existing = matchId === null ? undefined : this.deps.points.get(matchId);
    const result = existing ? this.deps.points.validatePatch(existing, p.body) : p.asNew ?? this.deps.points.validateNew(p.body);
    if (!result.ok) errors.push(...result.issues);
    if (errors.length > 0 || !result.ok) return { ok: false, ...at, errors };
    let unchanged = false;
    if (existing && (p.source === undefined || p.source === existing.source)) {
      // The stored point through the same merge with nothing changed: equal drafts = nothing to write.
      const before = this.deps.points.validatePatch(existing, {});
      unchanged = before.ok && JSON.stringify(before.draft) === JSON.stringify(result.draft);
    }
    return { ok: true, ...at, draft: result.draft, matchId, unchanged, checkedVersion: existing?.updated_at ?? null };
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

/** Applies checked rows: update the matched point (unless nothing differs) or create one. */
export class RowWriter {
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
      this.deps.points.save(c.draft, { id: c.matchId, source: c.source });
    } else {
      this.deps.points.save(c.draft, { source: c.source ?? this.defaultSource });
      this.created++;
    }
  }
}

export function emptyReport(format: ImportFormat, dryRun: boolean): ImportReport {
  return { created: 0, updated: 0, unchanged: 0, errors: [], skipped: [], format, dry_run: dryRun };
}

/** Counts, collects errors and writes, row by row; see the comment at the top of this file. */
class ImportRun {
  readonly report: ImportReport;
  private errorCount = 0;
  private rows = 0;
  private lastBytes = 0;
  private readonly checker: RowChecker;
  private readonly rowWriter: RowWriter;
  private readonly label: string;
  /** True while the transaction is open and every row so far was valid. */
  private writing = false;

  constructor(private readonly source: RowSource, private readonly deps: ImportDeps, private readonly opts: ImportOptions) {
    this.report = emptyReport(source.format, opts.dryRun);
    this.checker = new RowChecker(deps);
    this.label = opts.sourceLabel ?? `Import (${source.format})`;
    this.rowWriter = new RowWriter(deps, this.label);
  }

  start(): void {
    if (this.opts.dryRun) return;
    this.deps.writer.begin();
    this.writing = true;
    this.deps.authorize?.();
  }

  visit = (item: ParsedItem): void => {
    if ('skipped' in item) {
      if (this.report.skipped.length < MAX_ERRORS) this.report.skipped.push(item.skipped);
      return;
    }
    const c = this.checker.check(item.row);
    if (!c.ok) {
      this.errorCount += c.errors.length;
      for (const e of c.errors) if (this.report.errors.length < MAX_ERRORS) this.report.errors.push({ line: c.line, ...e } satisfies RowError);
      this.abort();
    } else {
      if (c.matchId === null) this.report.created++;
      else {
        this.report.updated++;
        if (c.unchanged) this.report.unchanged++;
      }
      if (this.writing) this.rowWriter.write(c);
    }
    this.rows++;
    this.lastBytes = item.row.bytes ?? this.lastBytes;
    if (this.rows % 1000 === 0) this.progress(this.lastBytes);
  };

  progress(bytes: number): void {
    this.opts.onProgress?.({ phase: this.writing ? 'write' : 'check', rows: this.rows, bytes, totalBytes: this.source.sizeBytes });
  }

  /** Rolls back (if writing); further rows are only checked. */
  abort(): void {
    if (!this.writing) return;
    this.writing = false;
    this.deps.writer.rollback();
  }

  finish(): ImportOutcome {
    this.progress(this.source.sizeBytes ?? this.lastBytes);
    if (this.errorCount > this.report.errors.length) this.report.error_count = this.errorCount;
    if (this.writing) {
      // Once more before committing: the user may have been disabled while the file was being checked.
      this.deps.authorize?.();
      const w = this.rowWriter;
      this.deps.recordAudit?.({
        actor: this.opts.actor ?? null, format: this.source.format, created: w.created, updated: w.updated,
        unchanged: w.unchanged, skipped: this.report.skipped.length, sourceLabel: this.label,
      });
      this.deps.writer.commit();
      this.writing = false;
    }
    return { report: this.report, rejected: this.errorCount > 0 && !this.opts.dryRun };
  }
}

/**
 * Checks and (unless a dry run or invalid) writes an import, all or nothing, in one streaming pass.
 * See the comment at the top of this file.
 */
export async function runImport(source: RowSource, deps: ImportDeps, opts: ImportOptions): Promise<ImportOutcome> {
  const run = new ImportRun(source, deps, opts);
  run.start();
  try {
    if (source.eachSync) source.eachSync(run.visit);
    else for await (const item of source.items()) run.visit(item);
    return run.finish();
  } catch (err) {
    run.abort();
    throw err;
  }
}
