/**
 * HTTP imports with parsing and row validation on a worker thread (worker.ts), so /api/health and every other
 * request keep being answered while a large file is checked. The main thread only matches prepared rows
 * against the stored points, one small batch per event-loop turn, and, for a real import whose rows were all
 * valid, writes them in ONE synchronous transaction at the end (all or nothing; no other request's statement can
 * join it). Rows that were matched to a stored point are written only if that point is unchanged since the check;
 * otherwise the import answers 409 and writes nothing.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ROOT_DIR } from '../../config.js';
import type { BBox } from '../../domain/geo/types.js';
import type { CodeParams, ErrorCode } from '../../domain/codes/index.js';
import { ConflictError, HttpError } from '../../errors.js';
import { emptyReport, MAX_ERRORS, RowChecker, RowWriter, type Checked, type ImportDeps, type ImportOptions, type ImportOutcome } from './pipeline.js';
import type { PreparedItem } from './prepare.js';
import type { ImportFormat, ImportReport } from './types.js';

/** Set to true by esbuild (server/start.mjs) in the production bundle, where the worker is .build/importWorker.mjs. */
declare const __JANGKAU_BUNDLED__: boolean | undefined;

type WorkerMessage =
  | { type: 'start'; format: ImportFormat; sizeBytes?: number }
  | { type: 'batch'; items: PreparedItem[] }
  | { type: 'done' }
  | { type: 'error'; status: number; message: string; field?: string; code?: ErrorCode; params?: CodeParams };

function startWorker(workerData: Record<string, unknown>, transferList: ArrayBuffer[]): Worker {
  if (typeof __JANGKAU_BUNDLED__ !== 'undefined' && __JANGKAU_BUNDLED__) {
    return new Worker(join(ROOT_DIR, '.build', 'importWorker.mjs'), { workerData, transferList });
  }
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(new URL('./workerBoot.mjs', import.meta.url), { workerData: { ...workerData, entry }, transferList });
}

/** Checks (and unless a dry run, writes) an HTTP import body; see the comment at the top of this file. */
export function runImportOffThread(
  body: Uint8Array,
  contentType: string | undefined,
  deps: ImportDeps,
  opts: ImportOptions & { region: BBox },
): Promise<ImportOutcome> {
  const acked = new Int32Array(new SharedArrayBuffer(4));
  // Hand the bytes over without copying them (the caller does not use the body afterwards).
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
  const worker = startWorker({ body: own, contentType, region: opts.region, acked }, [own.buffer as ArrayBuffer]);
  const label = opts.sourceLabel;
  let report: ImportReport | null = null;
  let errorCount = 0;
  const checker = new RowChecker(deps);
  /** Valid rows kept for the write, while every row so far is valid (dropped at the first error). */
  let toWrite: Extract<Checked, { ok: true }>[] | null = opts.dryRun ? null : [];

  const visit = (item: PreparedItem) => {
    const r = report!;
    if ('skipped' in item) {
      if (r.skipped.length < MAX_ERRORS) r.skipped.push(item.skipped);
      return;
    }
    const c = checker.checkPrepared(item.row);
    if (!c.ok) {
      errorCount += c.errors.length;
      for (const e of c.errors) if (r.errors.length < MAX_ERRORS) r.errors.push({ line: c.line, ...e });
      toWrite = null;
      return;
    }
    if (c.matchId === null) r.created++;
    else {
      r.updated++;
      if (c.unchanged) r.unchanged++;
    }
    toWrite?.push(c);
  };

  const finish = (): ImportOutcome => {
    const r = report!;
    if (errorCount > r.errors.length) r.error_count = errorCount;
    if (toWrite) writeAll(toWrite, r, deps, opts, label ?? `Import (${r.format})`);
    return { report: r, rejected: errorCount > 0 && !opts.dryRun };
  };

  return new Promise<ImportOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      try {
        if (m.type === 'start') report = emptyReport(m.format, opts.dryRun);
        else if (m.type === 'batch') {
          for (const item of m.items) visit(item);
          Atomics.add(acked, 0, 1);
          Atomics.notify(acked, 0);
        } else if (m.type === 'done') {
          const outcome = finish();
          settle(() => resolve(outcome));
        } else {
          const err = m.status >= 500 ? new Error(`import worker failed: ${m.message}`) : new HttpError(m.status, m.message, { field: m.field, code: m.code, params: m.params });
          settle(() => reject(err));
        }
      } catch (err) {
        settle(() => reject(err));
      }
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`import worker exited (code ${code}) before finishing`))));
  });
}

/** Writes every checked row in one transaction, after re-checking the user and that matched points did not change. */
function writeAll(rows: Extract<Checked, { ok: true }>[], report: ImportReport, deps: ImportDeps, opts: ImportOptions, label: string): void {
  const rowWriter = new RowWriter(deps, label);
  deps.writer.begin();
  try {
    deps.authorize?.();
    for (const c of rows) {
      if (c.matchId !== null && deps.points.get(c.matchId)?.updated_at !== c.checkedVersion) {
        throw new ConflictError(`Point ${c.matchId} (line ${c.line}) was changed by someone else while the file was being checked; nothing was imported. Run the import again.`, 'body');
      }
      rowWriter.write(c);
    }
    deps.recordAudit?.({
      actor: opts.actor ?? null, format: report.format, created: rowWriter.created, updated: rowWriter.updated,
      unchanged: rowWriter.unchanged, skipped: report.skipped.length, sourceLabel: label,
    });
    deps.writer.commit();
  } catch (err) {
    deps.writer.rollback();
    throw err;
  }
}
