/**
 * Interest sign-ups ("Saya mau didaftarkan / dihubungi"): personal data given with consent, for one purpose
 * (follow-up registration), kept until 90 days after the visit ended or deleted at once on request. The audit
 * trail records ids and statuses only, never the name or number.
 */
import type { Db } from '../../storage/db.js';
import type { InterestRecord, InterestStore } from '../../storage/interest.js';
import { INTEREST_KEEP_DAYS, type InterestStatus, type Programme } from '../../domain/events/interest.js';
import { assertNoNik } from '../../domain/privacy/nik.js';
import { normalizeIndonesianPhone } from '../../domain/points/validate.js';
import { HttpError, NotFoundError, ValidationError } from '../../errors.js';
import { reauthorize, type Actor, type AuditService } from '../audit.js';
import type { VillageService } from '../villages.js';
import type { ParticipationService, Writer } from './participation.js';
import { gotParam } from '../../domain/codes/values.js';

/** Most interest records one visit may collect. */
export const MAX_INTEREST_PER_VISIT = 500;
export const INTEREST_NAME_MAX = 100;
const DAY_MS = 86_400_000;

export interface InterestInput {
  participant?: string;
  name: string;
  whatsapp: string;
  village_code: string;
  programmes: Programme[];
  consent: boolean;
}

/** A record as planners see it (the participant code stays internal). */
export type InterestView = Omit<InterestRecord, 'participant'> & { village_name: string | null };

export class InterestService {
  constructor(
    private readonly db: Db,
    private readonly store: InterestStore,
    private readonly participation: ParticipationService,
    private readonly villages: VillageService,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {}

  /** Deletes the records whose 90 days are up. Called before every read and write of interest data. */
  purgeExpired(): number {
    return this.store.purgeExpired(this.now().toISOString());
  }

  /**
   * Records a sign-up (201) or, when the same phone (participant) sends it again, replaces its details (200).
   * 400 naming `consent`, `name`, `whatsapp` or `village_code`; the event window and limits of check-ins apply.
   */
  signUp(visitId: string, input: InterestInput, writer: Writer): { id: number; created: boolean } {
    if (input.consent !== true) {
      throw new ValidationError('consent', 'consent must be true: the person agrees to be contacted about registration and to the data being kept 90 days after the visit', { code: 'consent_required', params: {} });
    }
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (name.length === 0) throw new ValidationError('name', 'name is empty; write the name to ask for', { code: 'invalid', params: {} });
    assertNoNik('name', name);
    const whatsapp = normalizeIndonesianPhone(input.whatsapp, true);
    if (!whatsapp) throw new ValidationError('whatsapp', 'whatsapp must be an Indonesian mobile number such as 0812 3456 7890 or +62 812-3456-7890', { code: 'invalid_whatsapp', params: { got: gotParam(input.whatsapp) } });
    if (!this.villages.get(input.village_code)) {
      throw new ValidationError('village_code', `village_code "${input.village_code.slice(0, 20)}" is not a Bangli village; use a code from GET /api/villages`, { code: 'unknown_village', params: { got: input.village_code.slice(0, 20) } });
    }
    const programmes = [...new Set(input.programmes)].sort() as Programme[];
    const ev = this.participation.openForInterest(visitId, writer);
    const at = this.now().toISOString();
    const delete_after = new Date(Date.parse(ev.ends_at) + INTEREST_KEEP_DAYS * DAY_MS).toISOString();
    return this.db.transaction(() => {
      this.purgeExpired();
      this.participation.ensureVisit(ev);
      // A repeat with the same participant code (a phone's offline queue) replaces rather than doubles. Without a code
      // nothing is matched: matching by name and number would tell a stranger whether that person signed up here.
      const existing = input.participant ? this.store.byParticipant(visitId, input.participant) : undefined;
      if (existing) {
        this.store.replace(existing.id, { name, whatsapp, village_code: input.village_code, programmes, at });
        return { id: existing.id, created: false };
      }
      if (this.store.count(visitId) >= MAX_INTEREST_PER_VISIT) {
        throw new HttpError(409, `Visit ${visitId} already has ${MAX_INTEREST_PER_VISIT} sign-ups`, { field: 'id', code: 'event_full', params: { max: MAX_INTEREST_PER_VISIT } });
      }
      const id = this.store.insert({ visit_id: visitId, participant: input.participant ?? null, name, whatsapp, village_code: input.village_code, programmes, at, delete_after });
      return { id, created: true };
    })();
  }

  /** The sign-ups of a visit, oldest first (planners). */
  list(visitId: string): InterestView[] {
    this.participation.occurrence(visitId);
    this.purgeExpired();
    return this.store.listByVisit(visitId).map((r) => this.shape(r));
  }

  private shape({ participant: _p, ...r }: InterestRecord): InterestView {
    return { ...r, village_name: this.villages.get(r.village_code)?.name ?? null };
  }

  /** Moves a record along the follow-up (baru → dihubungi → terdaftar | tidak_jadi); audited with ids and statuses only. */
  setStatus(visitId: string, id: number, status: InterestStatus, actor: Actor): InterestView {
    return this.db.transaction(() => {
      reauthorize(actor);
      this.purgeExpired();
      const before = this.mine(visitId, id);
      this.store.setStatus(id, status, this.now().toISOString());
      this.audit.record(actor, 'update', 'event_interest', id, { visit_id: visitId, status: before.status }, { visit_id: visitId, status });
      return this.shape(this.store.get(id)!);
    })();
  }

  /** Deletes a record at once (the person asked); the audit entry keeps only the id and visit. */
  remove(visitId: string, id: number, actor: Actor): void {
    this.db.transaction(() => {
      reauthorize(actor);
      this.mine(visitId, id);
      this.store.delete(id);
      this.audit.record(actor, 'delete', 'event_interest', id, { visit_id: visitId }, null);
    })();
  }

  private mine(visitId: string, id: number): InterestRecord {
    const r = this.store.get(id);
    if (!r || r.visit_id !== visitId) throw new NotFoundError(`No interest record ${id} for visit ${visitId.slice(0, 60)}`, 'interest_id');
    return r;
  }
}
