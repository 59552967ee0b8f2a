import type { Db } from './db.js';
import type { InterestStatus, Programme } from '../domain/events/interest.js';

/** One person who asked to be registered or contacted (personal data; kept until `delete_after`). */
export interface InterestRecord {
  id: number;
  visit_id: string;
  /** The participant code of the phone that sent it (null when a facilitator typed it). */
  participant: string | null;
  name: string;
  whatsapp: string;
  village_code: string;
  programmes: Programme[];
  status: InterestStatus;
  created_at: string;
  updated_at: string;
  delete_after: string;
}

interface Row extends Omit<InterestRecord, 'programmes'> { programmes: string }
const fromRow = (r: Row): InterestRecord => ({ ...r, programmes: JSON.parse(r.programmes) as Programme[] });

/** SQL for interest records (migration 074). */
export class InterestStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO event_interest (visit_id, participant, name, whatsapp, village_code, programmes, status, created_at, updated_at, delete_after)
         VALUES (@visit_id, @participant, @name, @whatsapp, @village_code, @programmes, 'baru', @at, @at, @delete_after)`,
      ),
      byParticipant: db.prepare<[string, string], Row>('SELECT * FROM event_interest WHERE visit_id = ? AND participant = ?'),
      replace: db.prepare(
        `UPDATE event_interest SET name = @name, whatsapp = @whatsapp, village_code = @village_code, programmes = @programmes,
           updated_at = @at WHERE id = @id`,
      ),
      get: db.prepare<[number], Row>('SELECT * FROM event_interest WHERE id = ?'),
      byVisit: db.prepare<[string], Row>('SELECT * FROM event_interest WHERE visit_id = ? ORDER BY id'),
      count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM event_interest WHERE visit_id = ?'),
      statusesByVisit: db.prepare<[string], { status: InterestStatus; village_code: string }>('SELECT status, village_code FROM event_interest WHERE visit_id = ?'),
      setStatus: db.prepare<[InterestStatus, string, number]>('UPDATE event_interest SET status = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare<[number]>('DELETE FROM event_interest WHERE id = ?'),
      purge: db.prepare<[string]>('DELETE FROM event_interest WHERE delete_after <= ?'),
    };
  }

  /** The record a participant's phone sent for a visit, if any. */
  byParticipant(visitId: string, participant: string): InterestRecord | undefined {
    const r = this.s.byParticipant.get(visitId, participant);
    return r && fromRow(r);
  }


  /** Replaces the personal fields of a record (a phone sending its sign-up again); the follow-up status stays. */
  replace(id: number, r: { name: string; whatsapp: string; village_code: string; programmes: Programme[]; at: string }): void {
    this.s.replace.run({ ...r, id, programmes: JSON.stringify(r.programmes) });
  }

  insert(r: { visit_id: string; participant: string | null; name: string; whatsapp: string; village_code: string; programmes: Programme[]; at: string; delete_after: string }): number {
    return Number(this.s.insert.run({ ...r, programmes: JSON.stringify(r.programmes) }).lastInsertRowid);
  }

  get(id: number): InterestRecord | undefined {
    const r = this.s.get.get(id);
    return r && fromRow(r);
  }

  listByVisit(visitId: string): InterestRecord[] {
    return this.s.byVisit.all(visitId).map(fromRow);
  }

  count(visitId: string): number {
    return this.s.count.get(visitId)!.n;
  }

  /** Status and village of each record of a visit (no personal data), for counts and funnels. */
  statuses(visitId: string): { status: InterestStatus; village_code: string }[] {
    return this.s.statusesByVisit.all(visitId);
  }

  setStatus(id: number, status: InterestStatus, at: string): void {
    this.s.setStatus.run(status, at, id);
  }

  delete(id: number): boolean {
    return this.s.delete.run(id).changes === 1;
  }

  /** Deletes every record whose time is up at `now` (ISO 8601 UTC); returns how many. */
  purgeExpired(now: string): number {
    return this.s.purge.run(now).changes;
  }
}
