/** Reads what the event companion recorded, in the shapes the outcome and impact computations take. */
import type { EventStore, EventVisitRow } from '../../storage/events.js';
import type { InterestStore } from '../../storage/interest.js';
import type { EventPart } from '../../domain/events/outcome.js';

export class EventFigures {
  constructor(
    private readonly events: EventStore,
    private readonly interest: InterestStore,
    /** Deletes expired interest records first, so counts never include them. */
    private readonly purge: () => void,
  ) {}

  /** The event part of one visit, or null when no phone or facilitator ever wrote to it. */
  part(visitId: string): EventPart | null {
    if (!this.events.visit(visitId)) return null;
    this.purge();
    const c = this.events.counts(visitId);
    return {
      checkins: c.checkins,
      sheets: this.events.sheets(visitId),
      sheet_via: { pre: c.pre, post: c.post },
      feedback_scores: this.events.feedbackScores(visitId),
      interest: this.interest.statuses(visitId),
    };
  }

  /** The stored date and venue of a visit with participation. */
  visitRow(visitId: string): EventVisitRow | undefined {
    return this.events.visit(visitId);
  }

  /** Visits with participation on WITA days from..to, optionally in one kecamatan. */
  visitsBetween(from: string, to: string, districtCode?: string): EventVisitRow[] {
    return this.events.visitsBetween(from, to).filter((v) => districtCode === undefined || v.district_code === districtCode);
  }
}
