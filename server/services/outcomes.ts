import { validateOutcome } from '../domain/coverage/outcome.js';
import { summarizeImpact, type ImpactSummary, type ImpactTotals } from '../domain/coverage/impact.js';
import { InvalidInputError } from '../domain/errors.js';
import { combineOutcome, type CombinedOutcome, type EventPart, type TypedPart } from '../domain/events/outcome.js';
import { eventImpact, type EventImpact } from '../domain/events/impact.js';
import type { FunnelCounts } from '../domain/events/interest.js';
import type { QuestionStats } from '../domain/events/stats.js';
import { venueDistrict } from './venueDistrict.js';
import type { EventFigures } from './events/figures.js';
import { parseInstant, witaDate, witaWall } from '../domain/schedule/wita.js';
import { addDays, daysBetween, parseIsoDate } from '../domain/calendar/dates.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { OutcomeStore, StoredOutcome } from '../storage/outcomes.js';
import type { PointStore } from '../storage/points.js';
import type { SessionUser } from './auth.js';
import { reauthorize, type Actor, type AuditService } from './audit.js';
import type { VillageService } from './villages.js';
import type { VisitLookup } from './visitLookup.js';

/** The fields a client may send; anything else (a name, a NIK…) is refused rather than silently dropped. */
const OUTCOME_FIELDS = ['attendees', 'registrations', 'cards_issued', 'pretest', 'posttest', 'feedback', 'notes'] as const;

/** Longest impact range, in days (about 10 years). */
export const MAX_IMPACT_DAYS = 3660;

/** One audit record: who changed what, with the before and after snapshots. */
export interface AuditRecord {
  actor: SessionUser;
  action: string;
  entity: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Writes an audit record; called inside the same transaction as the change it records. */
export type AuditWriter = (record: AuditRecord) => void;

/** What a planner typed on the outcome form (the form is prefilled from this, never from the combined numbers). */
export type TypedView = Omit<StoredOutcome, 'recorded_by' | 'visit_id' | 'date' | 'point_id' | 'point_name' | 'district_code' | 'visit_id'>;

/**
 * The API shape of a visit's outcome (GET/POST /api/visits/:id/outcome): the venue and date, the combined numbers
 * (phones + typed; see domain/events/outcome.ts), `typed` (the form's values or null) and `sources`.
 */
export type OutcomeView = {
  visit_id: string;
  date: string;
  point_id: number;
  point_name: string;
  district_code: string;
  district_name: string | null;
  recorded_at: string | null;
  notes?: string;
  typed: TypedView | null;
} & CombinedOutcome;

export interface ImpactView extends ImpactSummary {
  from: string;
  to: string;
  district_code: string | null;
  by_district: (ImpactTotals & { district_code: string; district_name: string | null })[];
  /** Participants who did both tests, over all visits in the range. */
  matched: EventImpact['matched'];
  /** The questions people get wrong most before the talk, with their text; the first 10. */
  wrong_most: (QuestionStats & { text: string | null })[];
  funnel: FunnelCounts & {
    by_village: (FunnelCounts & { village_code: string; village_name: string | null })[];
    by_visit: (FunnelCounts & { visit_id: string; date: string | null; point_name: string | null })[];
  };
}

/** How many questions the impact answer lists as "wrong most". */
export const WRONG_MOST_LIMIT = 10;

/**
 * Outcomes of outreach visits and what they add up to. Outcomes are keyed by the visit occurrence id of
 * GET /api/visits; the visit's date and venue come from the visit, never from the client.
 */
export class OutcomeService {
  constructor(
    private readonly store: OutcomeStore,
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly visits: () => VisitLookup,
    private readonly audit: () => AuditWriter | undefined,
    private readonly now: () => Date,
    /** Event companion figures (phones and facilitators); absent in setups without it. */
    private readonly figures: () => EventFigures | undefined = () => undefined,
    /** A quiz question's current text, for the "wrong most" list. */
    private readonly questionText: (id: string) => string | null = () => null,
  ) {}

  /**
   * Records (or replaces) the outcome of visit occurrence `visitId` and audits the change in the same
   * transaction. 404 for an unknown visit, 409 for a cancelled/draft or not-yet-started one, 400 naming
   * the field for bad counts.
   */
  record(visitId: string, body: unknown, actor: SessionUser & Actor, precondition?: () => void): OutcomeView {
    // The If-Match / If-None-Match check runs in the write's own transaction.
    return this.store.transaction(() => {
      precondition?.();
      return this.recordChecked(visitId, body, actor);
    });
  }

  private recordChecked(visitId: string, body: unknown, actor: SessionUser & Actor): OutcomeView {
    const visit = this.visits().occurrence(visitId);
    if (!visit) throw new NotFoundError(`No visit with id ${visitId.slice(0, 60)}; use an occurrence id from GET /api/visits, like v7 or s12:2026-07-04`, 'id', 'visit_not_found');
    if (visit === 'series') {
      throw new NotFoundError(`${visitId} is a whole series; record an outcome per occurrence, like ${visitId}:YYYY-MM-DD from GET /api/visits`, 'id', 'visit_is_series');
    }
    if (visit.status !== 'scheduled') {
      throw new ConflictError(`Visit ${visitId} is ${visit.status}; only a scheduled visit that took place can have an outcome`, 'id', {
        code: 'visit_not_scheduled', params: { status: visit.status },
      });
    }
    const start = parseInstant(visit.starts_at);
    if (start.getTime() > this.now().getTime()) {
      throw new ConflictError(`Visit ${visitId} starts at ${visit.starts_at}; record its outcome once it has started`, 'id', {
        code: 'visit_not_started', params: { starts_at: witaWall(start) },
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInputError('body', `send a JSON object with ${OUTCOME_FIELDS.join(', ')}`, { code: 'invalid_type', params: { expected: 'object' } });
    }
    for (const key of Object.keys(body)) {
      if (!(OUTCOME_FIELDS as readonly string[]).includes(key)) {
        throw new InvalidInputError(key, `unknown field "${key.slice(0, 40)}"; an outcome has only ${OUTCOME_FIELDS.join(', ')} (counts only, never names or NIKs)`, { code: 'unknown_field', params: { got: key.slice(0, 40) } });
      }
    }
    const point = this.points.get(visit.point_id);
    if (!point) throw new NotFoundError(`Visit ${visitId} is at point ${visit.point_id}, which does not exist`, 'id', 'point_not_found');
    const outcome = validateOutcome({
      ...body,
      visit_id: visitId,
      date: witaDate(start),
      district_code: this.districtOf(point.village_code, point.position),
    });
    const at = this.now().toISOString();
    const row = { ...outcome, visit_id: visitId, point_id: point.id };
    this.store.replace(row, actor.id, at, (previous) => {
      reauthorize(actor);
      this.audit()?.({
        actor,
        action: previous ? 'visit_outcome.replace' : 'visit_outcome.record',
        entity: 'visit_outcome',
        entity_id: visitId,
        before: previous ? snapshot(previous) : null,
        after: snapshot({ ...row, point_name: point.name, recorded_by: actor.id, recorded_at: at }),
      });
    });
    return this.get(visitId)!;
  }

  /** The outcome of visit occurrence `visitId` (typed and from phones); 404 when the visit is unknown or has neither yet. */
  get(visitId: string): OutcomeView {
    const o = this.store.get(visitId);
    const part = this.figures()?.part(visitId) ?? null;
    if (!o && !part) {
      const known = this.visits().occurrence(visitId);
      throw new NotFoundError(
        known && known !== 'series' ? `No outcome has been recorded for visit ${visitId} yet` : `No visit with id ${visitId.slice(0, 60)}; use an occurrence id from GET /api/visits`,
        'id',
        known && known !== 'series' ? 'outcome_not_found' : 'visit_not_found',
      );
    }
    return this.view(visitId, o, part);
  }

  /**
   * Totals, respondent-weighted awareness, per district and per month for visits on WITA days from..to
   * (inclusive; default to = today, from = 364 days before `to`), optionally in one district.
   */
  impact(fromIn?: string, toIn?: string, districtCode?: string): ImpactView {
    const { from, to } = this.range(fromIn, toIn);
    this.checkDistrict(districtCode);
    const visits = this.combinedInRange(from, to, districtCode);
    const summary = summarizeImpact(visits.map(({ view }) => ({ ...view, pretest: quizResult(view.pretest), posttest: quizResult(view.posttest) })));
    const extra = eventImpact(visits.map(({ view, part }) => ({ visit_id: view.visit_id, part })));
    const byId = new Map(visits.map(({ view }) => [view.visit_id, view]));
    return {
      from,
      to,
      district_code: districtCode ?? null,
      ...summary,
      by_district: summary.by_district.map((d) => ({ ...d, district_name: this.districtName(d.district_code) })),
      matched: extra.matched,
      wrong_most: extra.wrong_most.slice(0, WRONG_MOST_LIMIT).map((q) => ({ ...q, text: this.questionText(q.id) })),
      funnel: {
        interested: extra.funnel.interested, contacted: extra.funnel.contacted, registered: extra.funnel.registered,
        by_village: extra.funnel.by_village.map((v) => ({ ...v, village_name: this.villages.get(v.village_code)?.name ?? null })),
        by_visit: extra.funnel.by_visit.map((v) => ({ ...v, date: byId.get(v.visit_id)?.date ?? null, point_name: byId.get(v.visit_id)?.point_name ?? null })),
      },
    };
  }

  /** Per-visit outcomes on WITA days from..to (same defaults as impact) for the CSV export, by date. */
  outcomesBetween(fromIn?: string, toIn?: string, districtCode?: string): { from: string; to: string; outcomes: OutcomeView[] } {
    const { from, to } = this.range(fromIn, toIn);
    this.checkDistrict(districtCode);
    return { from, to, outcomes: this.combinedInRange(from, to, districtCode).map(({ view }) => view) };
  }

  /** Every visit in the range with a typed outcome or participation, combined, by date then id. */
  private combinedInRange(from: string, to: string, districtCode?: string): { view: OutcomeView; part: EventPart | null }[] {
    const typed = new Map(this.store.inRange(from, to, districtCode).map((o) => [o.visit_id, o]));
    const ids = new Set(typed.keys());
    for (const v of this.figures()?.visitsBetween(from, to, districtCode) ?? []) ids.add(v.visit_id);
    const out = [...ids].map((id) => {
      const part = this.figures()?.part(id) ?? null;
      return { view: this.view(id, typed.get(id), part), part };
    });
    return out.sort((a, b) => a.view.date.localeCompare(b.view.date) || a.view.visit_id.localeCompare(b.view.visit_id));
  }

  private range(fromIn?: string, toIn?: string): { from: string; to: string } {
    const to = toIn === undefined ? witaDate(this.now()) : parseIsoDate(toIn, 'to');
    const from = fromIn === undefined ? addDays(to, -364) : parseIsoDate(fromIn, 'from');
    const span = daysBetween(from, to) + 1;
    if (span < 1) throw new InvalidInputError('to', `to (${to}) must be on or after from (${from}); swap them`, { code: 'range_reversed', params: { from, to } });
    if (span > MAX_IMPACT_DAYS) {
      throw new InvalidInputError('to', `the range ${from}..${to} covers ${span} days; ask for at most ${MAX_IMPACT_DAYS} days (10 years)`, {
        code: 'range_too_long', params: { days: span, max_days: MAX_IMPACT_DAYS },
      });
    }
    return { from, to };
  }

  private checkDistrict(code: string | undefined): void {
    if (code === undefined) return;
    if (!this.villages.list.some((v) => v.district_code === code)) {
      const known = [...new Set(this.villages.list.map((v) => v.district_code))].sort();
      throw new InvalidInputError('district_code', `district_code "${code.slice(0, 20)}" is not a Bangli district; use one of ${known.join(', ')}`, {
        code: 'district_unknown', params: { got: code.slice(0, 20), allowed: known },
      });
    }
  }

  private view(visitId: string, o: StoredOutcome | undefined, part: EventPart | null): OutcomeView {
    let place: { date: string; point_id: number; point_name: string; district_code: string };
    if (o) {
      place = { date: o.date, point_id: o.point_id, point_name: o.point_name, district_code: o.district_code };
    } else {
      const ev = this.figures()!.visitRow(visitId)!;
      place = { date: ev.visit_date, point_id: ev.point_id, point_name: this.points.get(ev.point_id)?.name ?? '', district_code: ev.district_code };
    }
    const typed: TypedView | null = o
      ? (({ recorded_by: _b, visit_id: _v, date: _d, point_id: _p, point_name: _n, district_code: _c, ...rest }) => rest)(o)
      : null;
    const typedPart: TypedPart | null = o
      ? { attendees: o.attendees, registrations: o.registrations, cards_issued: o.cards_issued, pretest: o.pretest, posttest: o.posttest, feedback: o.feedback }
      : null;
    return {
      visit_id: visitId,
      ...place,
      district_name: this.districtName(place.district_code),
      recorded_at: o?.recorded_at ?? null,
      ...(o?.notes !== undefined ? { notes: o.notes } : {}),
      ...combineOutcome(typedPart, part),
      typed,
    };
  }

  private districtName(code: string): string | null {
    return this.villages.list.find((v) => v.district_code === code)?.district_name ?? null;
  }

  private districtOf(villageCode: string | null, position: [number, number]): string {
    return venueDistrict(this.villages, villageCode, position);
  }
}

/** A combined phase as the impact sums take it (absent or without a percentage → not counted). */
function quizResult(p: { respondents: number; correct_pct: number | null } | undefined) {
  return p && p.correct_pct !== null ? { respondents: p.respondents, correct_pct: p.correct_pct } : undefined;
}

function snapshot(o: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
}

/** Adapts the shared audit trail (services/audit.ts) to outcomes: entity `visit_outcome`, the visit id in the snapshots. */
export function outcomeAuditWriter(audit: AuditService): AuditWriter {
  return (r) =>
    // audit_log.entity_id is an integer column and visit ids are text (v7, s12:2026-07-04), so the id
    // travels in before/after (both carry visit_id) and entity_id stays null.
    audit.record({ id: r.actor.id, email: r.actor.email }, r.before ? 'update' : 'create', r.entity, null, r.before, r.after);
}
