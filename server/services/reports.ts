import type { Db } from '../storage/db.js';
import type { PointStore } from '../storage/points.js';
import { REPORT_REASONS, ReportStore, type PointReport, type ReportReason, type ReportStatus } from '../storage/reports.js';
import { ConflictError, NotFoundError, ValidationError, tooManyRequests } from '../errors.js';
import { enumParams } from '../domain/codes/values.js';
import { reauthorize, type Actor, type AuditService } from './audit.js';
import { SlidingWindow } from './rateLimit.js';
import { assertNoNik } from '../domain/privacy/nik.js';

/** Reports one client may send in the window below. */
export const REPORT_LIMIT = 5;
export const REPORT_WINDOW_MS = 10 * 60 * 1000;
export const REPORT_COMMENT_MAX = 500;

/** "Info salah?" problem reports: filed anonymously by the public, handled by staff. */
export class ReportService {
  private readonly store: ReportStore;
  private readonly perClient: SlidingWindow;

  constructor(
    private readonly db: Db,
    private readonly points: PointStore,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {
    this.store = new ReportStore(db);
    this.perClient = new SlidingWindow(REPORT_LIMIT, REPORT_WINDOW_MS, now);
  }

  /**
   * Files a report about a public point. `clientKey` (the client IP) is used only for the rate limit,
   * in memory; it is not stored. Throws 429 (with retry_after_s) past 5 reports in 10 minutes.
   */
  file(pointId: number, input: { reason: ReportReason; comment?: string | null }, clientKey: string): PointReport {
    const point = this.points.get(pointId);
    if (!point || point.status === 'retired') throw new NotFoundError(`No service point with id ${pointId}`, 'id', 'point_not_found');
    if (!(REPORT_REASONS as readonly string[]).includes(input.reason)) {
      throw new ValidationError('reason', `reason must be one of ${REPORT_REASONS.join(', ')}`, { code: 'enum_unknown', params: enumParams(input.reason, REPORT_REASONS) });
    }
    const comment = input.comment?.trim() || null;
    if (comment && comment.length > REPORT_COMMENT_MAX) {
      throw new ValidationError('comment', `comment must be at most ${REPORT_COMMENT_MAX} characters; got ${comment.length}`, {
        code: 'text_too_long', params: { max: REPORT_COMMENT_MAX, got: comment.length },
      });
    }
    assertNoNik('comment', comment);
    const wait = this.perClient.take(clientKey);
    if (wait > 0) {
      throw tooManyRequests(`Too many reports from this device; try again in ${Math.ceil(wait / 60)} minute(s). Terima kasih!`, wait, 'too_many_reports');
    }
    const id = this.store.insert(pointId, input.reason, comment, this.now().toISOString());
    return this.store.get(id)!;
  }

  /** The staff queue, newest first. */
  list(status: ReportStatus | undefined, limit: number): PointReport[] {
    return this.store.list(status, limit);
  }

  /** Marks an open report resolved or dismissed, audited in the same transaction. 409 if already handled. */
  handle(actor: Actor, id: number, outcome: 'resolved' | 'dismissed', note: string | null): PointReport {
    assertNoNik('note', note);
    return this.db.transaction(() => {
      reauthorize(actor);
      const before = this.store.get(id);
      if (!before) throw new NotFoundError(`No report with id ${id}`, 'id', 'report_not_found');
      if (!this.store.handle(id, outcome, this.now().toISOString(), actor.id, note?.trim() || null)) {
        throw new ConflictError(`Report ${id} is already ${before.status}`, 'id', { code: 'report_already_handled', params: { status: before.status } });
      }
      const after = this.store.get(id)!;
      this.audit.record(actor, outcome === 'resolved' ? 'report_resolve' : 'report_dismiss', 'report', id, before, after);
      return after;
    })();
  }
}
