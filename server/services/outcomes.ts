import { validateOutcome } from '../domain/coverage/outcome.js';
import { summarizeImpact, type ImpactSummary, type ImpactTotals } from '../domain/coverage/impact.js';
import { InvalidInputError } from '../domain/errors.js';
import { haversineM } from '../domain/geo/distance.js';
import { parseInstant, witaDate } from '../domain/schedule/wita.js';
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

/** The API shape of a recorded outcome (GET/POST /api/visits/:id/outcome). */
export type OutcomeView = Omit<StoredOutcome, 'recorded_by'> & { district_name: string | null };

export interface ImpactView extends ImpactSummary {
  from: string;
  to: string;
  district_code: string | null;
  by_district: (ImpactTotals & { district_code: string; district_name: string | null })[];
}

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
    if (!visit) throw new NotFoundError(`No visit with id ${visitId.slice(0, 60)}; use an occurrence id from GET /api/visits, like v7 or s12:2026-07-04`, 'id');
    if (visit === 'series') {
      throw new NotFoundError(`${visitId} is a whole series; record an outcome per occurrence, like ${visitId}:YYYY-MM-DD from GET /api/visits`, 'id');
    }
    if (visit.status !== 'scheduled') {
      throw new ConflictError(`Visit ${visitId} is ${visit.status}; only a scheduled visit that took place can have an outcome`, 'id');
    }
    const start = parseInstant(visit.starts_at);
    if (start.getTime() > this.now().getTime()) {
      throw new ConflictError(`Visit ${visitId} starts at ${visit.starts_at}; record its outcome once it has started`, 'id');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInputError('body', `send a JSON object with ${OUTCOME_FIELDS.join(', ')}`);
    }
    for (const key of Object.keys(body)) {
      if (!(OUTCOME_FIELDS as readonly string[]).includes(key)) {
        throw new InvalidInputError(key, `unknown field "${key.slice(0, 40)}"; an outcome has only ${OUTCOME_FIELDS.join(', ')} (counts only, never names or NIKs)`);
      }
    }
    const point = this.points.get(visit.point_id);
    if (!point) throw new NotFoundError(`Visit ${visitId} is at point ${visit.point_id}, which does not exist`, 'id');
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

  /** The outcome of visit occurrence `visitId`; 404 when the visit is unknown or has no outcome yet. */
  get(visitId: string): OutcomeView {
    const o = this.store.get(visitId);
    if (!o) {
      const known = this.visits().occurrence(visitId);
      throw new NotFoundError(
        known && known !== 'series' ? `No outcome has been recorded for visit ${visitId} yet` : `No visit with id ${visitId.slice(0, 60)}; use an occurrence id from GET /api/visits`,
        'id',
      );
    }
    return this.view(o);
  }

  /**
   * Totals, respondent-weighted awareness, per district and per month for visits on WITA days from..to
   * (inclusive; default to = today, from = 364 days before `to`), optionally in one district.
   */
  impact(fromIn?: string, toIn?: string, districtCode?: string): ImpactView {
    const { from, to } = this.range(fromIn, toIn);
    this.checkDistrict(districtCode);
    const summary = summarizeImpact(this.store.inRange(from, to, districtCode));
    return {
      from,
      to,
      district_code: districtCode ?? null,
      ...summary,
      by_district: summary.by_district.map((d) => ({ ...d, district_name: this.districtName(d.district_code) })),
    };
  }

  /** Per-visit outcomes on WITA days from..to (same defaults as impact) for the CSV export, by date. */
  outcomesBetween(fromIn?: string, toIn?: string, districtCode?: string): { from: string; to: string; outcomes: OutcomeView[] } {
    const { from, to } = this.range(fromIn, toIn);
    this.checkDistrict(districtCode);
    return { from, to, outcomes: this.store.inRange(from, to, districtCode).map((o) => this.view(o)) };
  }

  private range(fromIn?: string, toIn?: string): { from: string; to: string } {
    const to = toIn === undefined ? witaDate(this.now()) : parseIsoDate(toIn, 'to');
    const from = fromIn === undefined ? addDays(to, -364) : parseIsoDate(fromIn, 'from');
    const span = daysBetween(from, to) + 1;
    if (span < 1) throw new InvalidInputError('to', `to (${to}) must be on or after from (${from}); swap them`);
    if (span > MAX_IMPACT_DAYS) throw new InvalidInputError('to', `the range ${from}..${to} covers ${span} days; ask for at most ${MAX_IMPACT_DAYS} days (10 years)`);
    return { from, to };
  }

  private checkDistrict(code: string | undefined): void {
    if (code === undefined) return;
    if (!this.villages.list.some((v) => v.district_code === code)) {
      const known = [...new Set(this.villages.list.map((v) => v.district_code))].sort();
      throw new InvalidInputError('district_code', `district_code "${code.slice(0, 20)}" is not a Bangli district; use one of ${known.join(', ')}`);
    }
  }

  private view(o: StoredOutcome): OutcomeView {
    const { recorded_by: _by, ...rest } = o;
    return { ...rest, district_name: this.districtName(o.district_code) };
  }

  private districtName(code: string): string | null {
    return this.villages.list.find((v) => v.district_code === code)?.district_name ?? null;
  }

  /** The venue's kecamatan: from its village, or (outside every village) the village with the nearest interior point. */
  private districtOf(villageCode: string | null, position: [number, number]): string {
    const v = villageCode ? this.villages.get(villageCode) : undefined;
    if (v) return v.district_code;
    let best = this.villages.list[0];
    for (const c of this.villages.list) if (haversineM(c.interior, position) < haversineM(best.interior, position)) best = c;
    return best.district_code;
  }
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
