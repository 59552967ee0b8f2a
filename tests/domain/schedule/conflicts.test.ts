import { describe, expect, it } from 'vitest';
import { findConflicts, withinWindow } from '../../../server/domain/schedule/conflicts.js';
import { visitToOccurrence } from '../../../server/domain/schedule/expand.js';
import type { SchedulePoint } from '../../../server/domain/schedule/types.js';
import { PASAR, makeVisit } from './fixtures.js';

const OFFICE: SchedulePoint = { id: 9, name: 'Kantor Cabang Bangli', location: [115.355, -8.454] };
const points = new Map([[PASAR.id, PASAR], [OFFICE.id, OFFICE]]);
// 2025-07-06 is Pasah (market day at PASAR); 2025-07-07 is Beteng.
const at = (date: string, from: string, to: string, extra = {}) =>
  visitToOccurrence(makeVisit({ id: `${date}-${from}`, starts_at: `${date}T${from}:00+08:00`, ends_at: `${date}T${to}:00+08:00`, ...extra }));

describe('findConflicts', () => {
  it('finds nothing for a market-day visit inside the opening hours', () => {
    expect(findConflicts([at('2025-07-06', '07:00', '10:00')], [], { points })).toEqual([]);
  });

  it('warns when the same team is booked at two places at overlapping times', () => {
    const candidate = at('2025-07-06', '07:00', '10:00', { team: 'Tim A' });
    const other = at('2025-07-06', '09:30', '11:00', { team: ' tim a ', point_id: OFFICE.id, title: 'Klaim di kantor' });
    const warnings = findConflicts([candidate], [other], { points });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'team_overlap', occurrence_id: candidate.id, other_id: other.id }),
    ]);
    expect(warnings[0].message).toContain('2025-07-06 07:00–10:00 WITA');
    expect(warnings[0].message).toContain('Klaim di kantor');
  });

  it('does not warn for back-to-back visits, other teams, cancelled visits or the visit being replaced', () => {
    const candidate = at('2025-07-06', '07:00', '10:00', { team: 'Tim A' });
    const existing = [
      at('2025-07-06', '10:00', '11:00', { team: 'Tim A', id: 'after' }),
      at('2025-07-06', '08:00', '09:00', { team: 'Tim B', id: 'other-team' }),
      at('2025-07-06', '08:00', '09:00', { team: 'Tim A', id: 'cancelled', status: 'cancelled' }),
      { ...candidate, starts_at: '2025-07-06T08:00:00+08:00' },
    ];
    expect(findConflicts([candidate], existing, { points })).toEqual([]);
  });

  it('checks candidates against each other', () => {
    const a = at('2025-07-06', '07:00', '10:00', { team: 'Tim A', id: 'a' });
    const b = at('2025-07-06', '08:00', '09:00', { team: 'Tim A', id: 'b', point_id: OFFICE.id });
    expect(findConflicts([a, b], [], { points })).toEqual([expect.objectContaining({ code: 'team_overlap', occurrence_id: 'b', other_id: 'a' })]);
  });

  it('warns when a visit is outside the market window', () => {
    const w = findConflicts([at('2025-07-06', '11:00', '13:00')], [], { points });
    expect(w.map((x) => x.code)).toEqual(['outside_opening_hours']);
    expect(w[0].message).toBe('2025-07-06 11:00–13:00 WITA is outside the opening hours of Pasar Contoh, Kintamani (06:00–12:00 WITA)');
    expect(findConflicts([at('2025-07-06', '05:30', '07:00')], [], { points }).map((x) => x.code)).toEqual(['outside_opening_hours']);
  });

  it('checks only the known side of a half-known window, and nothing when both are unknown', () => {
    const start = new Date('2025-07-06T05:00:00+08:00');
    const end = new Date('2025-07-06T13:00:00+08:00');
    expect(withinWindow({ opens: null, closes: null }, start, end)).toBe(true);
    expect(withinWindow({ opens: '06:00', closes: null }, start, end)).toBe(false);
    expect(withinWindow({ opens: '04:00', closes: null }, start, end)).toBe(true);
    expect(withinWindow({ opens: null, closes: '12:00' }, start, end)).toBe(false);
    expect(withinWindow({ opens: null, closes: '24:00' }, start, end)).toBe(true);
  });

  it('understands a night market that closes after midnight', () => {
    const night = { opens: '18:00', closes: '02:00' };
    expect(withinWindow(night, new Date('2025-07-06T19:00:00+08:00'), new Date('2025-07-07T01:00:00+08:00'))).toBe(true);
    expect(withinWindow(night, new Date('2025-07-07T00:30:00+08:00'), new Date('2025-07-07T01:30:00+08:00'))).toBe(true);
    expect(withinWindow(night, new Date('2025-07-06T17:00:00+08:00'), new Date('2025-07-06T19:00:00+08:00'))).toBe(false);
    expect(withinWindow(night, new Date('2025-07-06T23:00:00+08:00'), new Date('2025-07-07T03:00:00+08:00'))).toBe(false);
  });

  it('warns when a visit at a market is not on a market day', () => {
    const w = findConflicts([at('2025-07-07', '07:00', '10:00')], [], { points });
    expect(w).toEqual([{
      code: 'not_market_day',
      params: { date: '2025-07-07', point_name: 'Pasar Contoh, Kintamani', market_days: 'Pasah' },
      message: '2025-07-07 is not a market day at Pasar Contoh, Kintamani (market days: Pasah)',
      occurrence_id: '2025-07-07-07:00',
    }]);
    expect(findConflicts([at('2025-07-07', '07:00', '10:00', { point_id: OFFICE.id })], [], { points })).toEqual([]);
  });

  it('warns when a visit falls on a configured closed date such as Nyepi', () => {
    const closedDates = [{ date: '2026-03-19', name: 'Nyepi' }];
    const visit = at('2026-03-19', '08:00', '10:00', { point_id: OFFICE.id });
    expect(findConflicts([visit], [], { points, closedDates })).toEqual([
      { code: 'closed_date', params: { date: '2026-03-19', name: 'Nyepi' }, message: '2026-03-19 is Nyepi, a closed date', occurrence_id: visit.id },
    ]);
  });

  it('ignores cancelled candidates', () => {
    expect(findConflicts([at('2025-07-07', '01:00', '02:00', { status: 'cancelled' })], [], { points })).toEqual([]);
  });
});
