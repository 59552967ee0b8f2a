import { describe, expect, it } from 'vitest';
import { addDays, dateRange } from '../../../server/domain/calendar/dates.js';
import { balineseDay } from '../../../server/domain/calendar/pawukon.js';
import { InvalidInputError } from '../../../server/domain/errors.js';
import { expandSeries, visitToOccurrence } from '../../../server/domain/schedule/expand.js';
import type { SeriesException } from '../../../server/domain/schedule/types.js';
import { makeSeries, makeVisit } from './fixtures.js';

const PASAH = { triwara: ['Pasah' as const] };

/** Independent reference: the start day plus every later Pasah day of July 2024. */
function pasahJuly2024(): string[] {
  return dateRange('2024-07-01', '2024-07-31').filter((d) => d === '2024-07-01' || balineseDay(d).triwara === 'Pasah');
}

describe('expandSeries', () => {
  it('expands a 09:00 WITA Pasah series through July 2024 to the start day and every Pasah day', () => {
    const occ = expandSeries(makeSeries(PASAH), [], '2024-07-01', '2024-07-31');
    const expected = pasahJuly2024();
    expect(expected.length).toBeGreaterThan(9);
    expect(occ.map((o) => o.starts_at)).toEqual(expected.map((d) => `${d}T09:00:00+08:00`));
    expect(occ.map((o) => o.ends_at)).toEqual(expected.map((d) => `${d}T11:00:00+08:00`));
    expect(occ.map((o) => o.id)).toEqual(expected.map((d) => `11:${d}`));
    expect(occ[0]).toMatchObject({ series_id: '11', point_id: '3', title: 'Sosialisasi di pasar', status: 'scheduled', team: 'Tim A', overridden: false });
    expect(occ[0].activities).toEqual(['sosialisasi', 'pendaftaran']);
  });

  it('keeps the same WITA wall time when the series was written in UTC', () => {
    const series = { ...makeSeries(PASAH), starts_at: '2024-07-01T01:00:00Z', ends_at: '2024-07-01T03:00:00Z' };
    expect(expandSeries(series, [], '2024-07-01', '2024-07-31').map((o) => o.starts_at)).toEqual(
      pasahJuly2024().map((d) => `${d}T09:00:00+08:00`),
    );
  });

  it('returns only the occurrences inside the window', () => {
    const occ = expandSeries(makeSeries(PASAH), [], '2024-07-10', '2024-07-20');
    expect(occ.map((o) => o.id.slice(3))).toEqual(pasahJuly2024().filter((d) => d >= '2024-07-10' && d <= '2024-07-20'));
    expect(expandSeries(makeSeries(PASAH), [], '2024-08-01', '2024-08-31')).toEqual([]);
    expect(expandSeries(makeSeries(PASAH), [], '2024-06-01', '2024-06-30')).toEqual([]);
  });

  it('omits a cancelled occurrence unless asked, and then marks it cancelled', () => {
    const [, second] = pasahJuly2024();
    const exceptions: SeriesException[] = [{ series_id: 11, date: second, kind: 'cancelled' }];
    const occ = expandSeries(makeSeries(PASAH), exceptions, '2024-07-01', '2024-07-31');
    expect(occ.map((o) => o.id)).not.toContain(`11:${second}`);
    expect(occ).toHaveLength(pasahJuly2024().length - 1);
    const all = expandSeries(makeSeries(PASAH), exceptions, '2024-07-01', '2024-07-31', { includeCancelled: true });
    expect(all.find((o) => o.id === `11:${second}`)?.status).toBe('cancelled');
  });

  it('applies an override and keeps the occurrence id of its original date', () => {
    const third = pasahJuly2024()[2];
    const exceptions: SeriesException[] = [
      { series_id: '11', date: third, kind: 'override', changes: { starts_at: `${third}T07:30:00+08:00`, title: 'Pendaftaran pagi', team: null } },
    ];
    const occ = expandSeries(makeSeries(PASAH), exceptions, '2024-07-01', '2024-07-31');
    expect(occ.find((o) => o.id === `11:${third}`)).toMatchObject({
      starts_at: `${third}T07:30:00+08:00`, ends_at: `${third}T09:30:00+08:00`, title: 'Pendaftaran pagi', team: null, overridden: true,
    });
  });

  it('includes an occurrence moved into the window and drops one moved out of it', () => {
    const last = pasahJuly2024().at(-1)!;
    const moved: SeriesException[] = [
      { series_id: 11, date: last, kind: 'override', changes: { starts_at: '2024-08-02T09:00:00+08:00', ends_at: '2024-08-02T10:00:00+08:00' } },
    ];
    expect(expandSeries(makeSeries(PASAH), moved, '2024-08-01', '2024-08-31').map((o) => o.id)).toEqual([`11:${last}`]);
    expect(expandSeries(makeSeries(PASAH), moved, '2024-07-01', '2024-07-31').map((o) => o.id)).not.toContain(`11:${last}`);
  });

  it('ignores exceptions of other series and on dates the series does not visit', () => {
    const notPasah = dateRange('2024-07-02', '2024-07-31').find((d) => balineseDay(d).triwara !== 'Pasah')!;
    const exceptions: SeriesException[] = [
      { series_id: 12, date: pasahJuly2024()[1], kind: 'cancelled' },
      { series_id: 11, date: notPasah, kind: 'override', changes: { title: 'x' } },
    ];
    expect(expandSeries(makeSeries(PASAH), exceptions, '2024-07-01', '2024-07-31')).toEqual(
      expandSeries(makeSeries(PASAH), [], '2024-07-01', '2024-07-31'),
    );
  });

  it('marks every occurrence of a cancelled series cancelled', () => {
    const series = { ...makeSeries(PASAH), status: 'cancelled' as const };
    expect(expandSeries(series, [], '2024-07-01', '2024-07-31')).toEqual([]);
    expect(new Set(expandSeries(series, [], '2024-07-01', '2024-07-31', { includeCancelled: true }).map((o) => o.status))).toEqual(new Set(['cancelled']));
  });

  it('keeps a visit that crosses midnight the same length every time', () => {
    const series = { ...makeSeries({ saptawara: ['Sukra'] }), starts_at: '2024-07-05T22:00:00+08:00', ends_at: '2024-07-06T01:00:00+08:00' };
    const occ = expandSeries(series, [], '2024-07-01', '2024-07-31');
    expect(occ.map((o) => [o.starts_at, o.ends_at])).toEqual(
      ['2024-07-05', '2024-07-12', '2024-07-19', '2024-07-26'].map((d) => [`${d}T22:00:00+08:00`, `${addDays(d, 1)}T01:00:00+08:00`]),
    );
  });

  it('rejects repeat.until before the first visit and a bad window', () => {
    expect(() => expandSeries(makeSeries(PASAH, '2024-07-01', '2024-06-30'), [], '2024-07-01', '2024-07-31')).toThrow(InvalidInputError);
    expect(() => expandSeries(makeSeries(PASAH, '2024-07-01', '2024-7-31'), [], '2024-07-01', '2024-07-31')).toThrow(/repeat.until/);
    expect(() => expandSeries(makeSeries(PASAH), [], '2024-07-31', '2024-07-01')).toThrow(InvalidInputError);
  });

  it('rejects an override whose end is before its start', () => {
    const first = pasahJuly2024()[1];
    const bad: SeriesException[] = [{ series_id: 11, date: first, kind: 'override', changes: { ends_at: `${first}T08:00:00+08:00` } }];
    expect(() => expandSeries(makeSeries(PASAH), bad, '2024-07-01', '2024-07-31')).toThrow(/ends_at/);
  });
});

describe('visitToOccurrence', () => {
  it('normalises a single visit to WITA with string ids', () => {
    expect(visitToOccurrence(makeVisit({ id: 5, starts_at: '2024-07-03T00:00:00Z', ends_at: '2024-07-03T02:00:00Z' }))).toMatchObject({
      id: '5', series_id: null, point_id: '3', starts_at: '2024-07-03T08:00:00+08:00', ends_at: '2024-07-03T10:00:00+08:00',
    });
  });
});
