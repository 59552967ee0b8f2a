import { basename } from 'node:path';
import type { Db } from '../../storage/db.js';
import type { PointStore } from '../../storage/points.js';
import { ImportWriter } from '../../storage/importWriter.js';
import type { PointEditService } from '../points.js';
import type { Actor, AuditService } from '../audit.js';
import { runImport, type ImportAuditEntry, type ImportDeps, type ImportOutcome, type ImportProgress } from './pipeline.js';
import { sourceFromFile } from './detect.js';
import { runImportOffThread } from './offThread.js';
import type { RowSource } from './types.js';

export type { ImportOutcome, ImportProgress } from './pipeline.js';
export type { ImportReport } from './types.js';

/**
 * Bulk import of service points from CSV, GeoJSON or Overpass JSON, all or nothing. Rows are validated
 * and written by the point service (the same rules as the staff form); the import adds one audit entry.
 */
export class ImportService {
  private readonly writer: ImportWriter;

  constructor(
    db: Db,
    private readonly pointStore: PointStore,
    private readonly pointEdits: PointEditService,
    private readonly audit: AuditService,
  ) {
    this.writer = new ImportWriter(db);
  }

  private deps(actor: Actor): ImportDeps {
    const { pointStore, pointEdits, audit } = this;
    // Rows are written as the user without re-checking the session per row; the import re-checks it once
    // when its transaction opens and once before it commits.
    const rowActor: Actor = { id: actor.id, email: actor.email };
    return {
      authorize: actor.authorize,
      writer: this.writer,
      points: {
        get: (id) => pointStore.get(id),
        validateNew: (body) => pointEdits.validateNew(body),
        validatePatch: (existing, body) => pointEdits.validatePatch(existing, body),
        save: (draft, o) => {
          // One audit entry for the whole import instead of one per row; no duplicate search per row.
          pointEdits.save(rowActor, draft, { id: o.id, source: o.source, action: 'import', audit: false, checkDuplicates: false });
        },
      },
      recordAudit: (e: ImportAuditEntry) => {
        audit.recordImport(rowActor, { format: e.format, source: e.sourceLabel, created: e.created, updated: e.updated, unchanged: e.unchanged, skipped: e.skipped });
      },
    };
  }

  private run(source: RowSource, actor: Actor, opts: { dryRun: boolean; sourceLabel?: string; onProgress?: (p: ImportProgress) => void }) {
    return runImport(source, this.deps(actor), { ...opts, actor: actor.id === null ? null : { id: actor.id, email: actor.email } });
  }

  /**
   * Imports an HTTP body of the given Content-Type (415 for others) for a logged-in user. Parsing and row checks
   * run on a worker thread (offThread.ts) so other requests keep being answered meanwhile.
   */
  importBody(actor: Actor, contentType: string | undefined, body: Uint8Array, opts: { dryRun: boolean }): Promise<ImportOutcome> {
    return runImportOffThread(body, contentType, this.deps(actor), {
      ...opts, region: this.pointEdits.serviceRegion, actor: actor.id === null ? null : { id: actor.id, email: actor.email },
    });
  }

  /**
   * Imports a file (CSV streamed; GeoJSON/Overpass read whole). For the CLI only: a streamed CSV keeps
   * a transaction open across awaits, which is safe only on a connection nothing else uses.
   */
  importFile(actor: Actor, path: string, opts: { dryRun: boolean; onProgress?: (p: ImportProgress) => void }): Promise<ImportOutcome> {
    return this.run(sourceFromFile(path), actor, { ...opts, sourceLabel: `Import: ${basename(path)}` });
  }
}
