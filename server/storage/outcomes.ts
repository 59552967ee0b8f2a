import type { Db } from './db.js';
import type { FeedbackCounts, VisitOutcome } from '../domain/coverage/impact.js';

/** A stored visit outcome: the validated counts plus where, when and by whom it was recorded. */
export interface StoredOutcome extends VisitOutcome {
  visit_id: string;
  point_id: number;
  /** Venue name (joined from points at read time). */
  point_name: string;
  recorded_by: number | null;
  /** ISO 8601 UTC. */
  recorded_at: string;
}

interface Row {
  visit_id: string; visit_date: string; point_id: number; point_name: string | null; district_code: string;
  attendees: number; registrations: number; cards_issued: number;
  pretest_respondents: number | null; pretest_correct_pct: number | null;
  posttest_respondents: number | null; posttest_correct_pct: number | null;
  feedback: string | null; notes: string | null; recorded_by: number | null; recorded_at: string;
}

function fromRow(r: Row): StoredOutcome {
  const out: StoredOutcome = {
    visit_id: r.visit_id, date: r.visit_date, point_id: r.point_id, point_name: r.point_name ?? '',
    district_code: r.district_code, attendees: r.attendees, registrations: r.registrations, cards_issued: r.cards_issued,
    recorded_by: r.recorded_by, recorded_at: r.recorded_at,
  };
  if (r.pretest_respondents !== null && r.pretest_correct_pct !== null) {
    out.pretest = { respondents: r.pretest_respondents, correct_pct: r.pretest_correct_pct };
  }
  if (r.posttest_respondents !== null && r.posttest_correct_pct !== null) {
    out.posttest = { respondents: r.posttest_respondents, correct_pct: r.posttest_correct_pct };
  }
  if (r.feedback !== null) out.feedback = JSON.parse(r.feedback) as FeedbackCounts;
  if (r.notes !== null) out.notes = r.notes;
  return out;
}

const SELECT = `SELECT o.*, p.name AS point_name FROM visit_outcomes o LEFT JOIN points p ON p.id = o.point_id`;

/** SQL for visit outcomes (table visit_outcomes, migration 030). Counts only; no personal data. */
export class OutcomeStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      get: db.prepare<[string], Row>(`${SELECT} WHERE o.visit_id = ?`),
      upsert: db.prepare(
        `INSERT INTO visit_outcomes (visit_id, visit_date, point_id, district_code, attendees, registrations, cards_issued,
           pretest_respondents, pretest_correct_pct, posttest_respondents, posttest_correct_pct, feedback, notes,
           recorded_by, recorded_at)
         VALUES (@visit_id, @visit_date, @point_id, @district_code, @attendees, @registrations, @cards_issued,
           @pretest_respondents, @pretest_correct_pct, @posttest_respondents, @posttest_correct_pct, @feedback, @notes,
           @recorded_by, @recorded_at)
         ON CONFLICT (visit_id) DO UPDATE SET
           visit_date = excluded.visit_date, point_id = excluded.point_id, district_code = excluded.district_code,
           attendees = excluded.attendees, registrations = excluded.registrations, cards_issued = excluded.cards_issued,
           pretest_respondents = excluded.pretest_respondents, pretest_correct_pct = excluded.pretest_correct_pct,
           posttest_respondents = excluded.posttest_respondents, posttest_correct_pct = excluded.posttest_correct_pct,
           feedback = excluded.feedback, notes = excluded.notes, recorded_by = excluded.recorded_by,
           recorded_at = excluded.recorded_at`,
      ),
      range: db.prepare<{ from: string; to: string }, Row>(
        `${SELECT} WHERE o.visit_date BETWEEN @from AND @to ORDER BY o.visit_date, o.visit_id`,
      ),
      rangeInDistrict: db.prepare<{ from: string; to: string; district: string }, Row>(
        `${SELECT} WHERE o.district_code = @district AND o.visit_date BETWEEN @from AND @to ORDER BY o.visit_date, o.visit_id`,
      ),
    };
  }

  /** The outcome recorded for a visit occurrence id, or undefined. */
  get(visitId: string): StoredOutcome | undefined {
    const r = this.stmts.get.get(visitId);
    return r && fromRow(r);
  }

  /**
   * Records an outcome, replacing any earlier one for the same visit, and calls `alsoInTransaction`
   * (e.g. the audit write) inside the same transaction, so both land or neither does.
   * Returns the outcome that was there before, if any.
   */
  replace(
    o: VisitOutcome & { visit_id: string; point_id: number },
    recordedBy: number | null,
    recordedAt: string,
    alsoInTransaction?: (previous: StoredOutcome | undefined) => void,
  ): StoredOutcome | undefined {
    return this.db.transaction(() => {
      const previous = this.get(o.visit_id);
      this.stmts.upsert.run({
        visit_id: o.visit_id, visit_date: o.date, point_id: o.point_id, district_code: o.district_code,
        attendees: o.attendees, registrations: o.registrations, cards_issued: o.cards_issued,
        pretest_respondents: o.pretest?.respondents ?? null, pretest_correct_pct: o.pretest?.correct_pct ?? null,
        posttest_respondents: o.posttest?.respondents ?? null, posttest_correct_pct: o.posttest?.correct_pct ?? null,
        feedback: o.feedback ? JSON.stringify(o.feedback) : null, notes: o.notes ?? null,
        recorded_by: recordedBy, recorded_at: recordedAt,
      });
      alsoInTransaction?.(previous);
      return previous;
    })();
  }

  /** Runs `fn` in one transaction (a precondition check and the write it guards). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Outcomes of visits on WITA days from..to (inclusive, YYYY-MM-DD), optionally in one district, by date. */
  inRange(from: string, to: string, districtCode?: string): StoredOutcome[] {
    const rows = districtCode === undefined
      ? this.stmts.range.all({ from, to })
      : this.stmts.rangeInDistrict.all({ from, to, district: districtCode });
    return rows.map(fromRow);
  }
}
