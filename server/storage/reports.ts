import type { Db } from './db.js';

export const REPORT_REASONS = ['closed', 'wrong_location', 'wrong_phone', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A public problem report about a point, with the point's name for the staff queue. */
export interface PointReport {
  id: number;
  point_id: number;
  point_name: string;
  point_status: string;
  reason: ReportReason;
  comment: string | null;
  status: ReportStatus;
  created_at: string;
  handled_at: string | null;
  handled_by: number | null;
  handled_by_email: string | null;
  handled_note: string | null;
}

const SELECT = `SELECT r.*, p.name AS point_name, p.status AS point_status, u.email AS handled_by_email
  FROM point_reports r JOIN points p ON p.id = r.point_id LEFT JOIN users u ON u.id = r.handled_by`;

/** SQL for problem reports. */
export class ReportStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare('INSERT INTO point_reports (point_id, reason, comment, created_at) VALUES (?, ?, ?, ?)'),
      get: db.prepare<[number], PointReport>(`${SELECT} WHERE r.id = ?`),
      list: db.prepare<{ status: string | null; limit: number }, PointReport>(
        `${SELECT} WHERE (@status IS NULL OR r.status = @status) ORDER BY r.id DESC LIMIT @limit`,
      ),
      handle: db.prepare(
        "UPDATE point_reports SET status = ?, handled_at = ?, handled_by = ?, handled_note = ? WHERE id = ? AND status = 'open'",
      ),
    };
  }

  /** Stores a new open report; returns its id. */
  insert(pointId: number, reason: ReportReason, comment: string | null, now: string): number {
    return Number(this.s.insert.run(pointId, reason, comment, now).lastInsertRowid);
  }

  get(id: number): PointReport | undefined {
    return this.s.get.get(id);
  }

  /** Newest first; `status` undefined = every status. */
  list(status: ReportStatus | undefined, limit: number): PointReport[] {
    return this.s.list.all({ status: status ?? null, limit });
  }

  /** Closes an open report; returns false when it was not open. */
  handle(id: number, status: 'resolved' | 'dismissed', now: string, userId: number | null, note: string | null): boolean {
    return this.s.handle.run(status, now, userId, note, id).changes === 1;
  }
}
