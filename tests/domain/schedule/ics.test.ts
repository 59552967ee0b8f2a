import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketDayRule } from '../../../server/domain/calendar/marketDays.js';
import { expandSeries, visitToOccurrence } from '../../../server/domain/schedule/expand.js';
import { buildIcs } from '../../../server/domain/schedule/ics.js';
import type { Occurrence, SeriesException } from '../../../server/domain/schedule/types.js';
import { PASAR, makeSeries, makeVisit } from './fixtures.js';
import { expandIcs } from './icsExpand.js';

const NOW = new Date('2024-06-15T03:04:05Z');
const points = { [String(PASAR.id)]: PASAR };
const RULES: Record<string, MarketDayRule> = {
  pasah: { triwara: ['Pasah'] },
  kajengKliwon: { triwara: ['Kajeng'], pancawara: ['Kliwon'] },
  pasahOrBeteng: { triwara: ['Pasah', 'Beteng'] },
  sunday: { saptawara: ['Redite'] },
  everyDay: {},
};

// ical-generator writes plain Dates in the server's zone; run in a zone far from WITA to catch that.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

function comparable(occ: Occurrence[]) {
  return occ.map((o) => ({ startMs: Date.parse(o.starts_at), endMs: Date.parse(o.ends_at), summary: o.title }));
}

function fromFeed(text: string) {
  return expandIcs(text).map(({ startMs, endMs, summary }) => ({ startMs, endMs, summary }));
}

describe('buildIcs parsed back with ical.js', () => {
  it('runs these tests away from WITA', () => {
    expect(new Date('2024-07-01T00:00:00Z').getTimezoneOffset()).toBe(420);
  });

  it.each(Object.entries(RULES))('expands a %s series to exactly the occurrences of expandSeries', (_name, rule) => {
    // 2024-07-01 is not a Pasah day, so the first visit is off-cycle for some rules.
    const series = makeSeries(rule, '2024-07-01', '2024-09-30');
    const expected = expandSeries(series, [], '2024-07-01', '2024-09-30');
    expect(expected.length).toBeGreaterThan(1);
    expect(fromFeed(buildIcs('Jangkau', [series], [], [], points, { now: NOW }))).toEqual(comparable(expected));
  });

  it.each(Object.entries(RULES))('honours a cancelled and an overridden occurrence of a %s series', (_name, rule) => {
    const series = makeSeries(rule, '2024-07-01', '2024-09-30');
    const plain = expandSeries(series, [], '2024-07-01', '2024-09-30');
    const cancelDate = plain[2].id.slice(-10);
    const overrideDate = plain.at(-2)!.id.slice(-10);
    const exceptions: SeriesException[] = [
      { series_id: series.id, date: cancelDate, kind: 'cancelled' },
      {
        series_id: series.id, date: overrideDate, kind: 'override',
        changes: { starts_at: `${overrideDate}T13:15:00+08:00`, ends_at: `${overrideDate}T15:00:00+08:00`, title: 'Klaim sore' },
      },
    ];
    const expected = expandSeries(series, exceptions, '2024-07-01', '2024-09-30');
    expect(expected).toHaveLength(plain.length - 1);
    const parsed = fromFeed(buildIcs('Jangkau', [series], [], exceptions, points, { now: NOW }));
    expect(parsed).toEqual(comparable(expected));
    expect(parsed).toContainEqual({ startMs: Date.parse(`${overrideDate}T13:15:00+08:00`), endMs: Date.parse(`${overrideDate}T15:00:00+08:00`), summary: 'Klaim sore' });
  });

  it('keeps the seconds of a start time', () => {
    const series = { ...makeSeries(RULES.kajengKliwon, '2024-07-01', '2024-12-31'), starts_at: '2024-07-01T09:00:30+08:00' };
    const expected = expandSeries(series, [], '2024-07-01', '2024-12-31');
    expect(expected[1].starts_at.slice(11, 19)).toBe('09:00:30');
    expect(fromFeed(buildIcs('Jangkau', [series], [], [], points, { now: NOW }))).toEqual(comparable(expected));
  });

  it('handles a cancelled and an overridden first occurrence', () => {
    for (const rule of Object.values(RULES)) {
      const series = makeSeries(rule, '2024-07-03', '2024-08-31');
      const [first, second] = expandSeries(series, [], '2024-07-01', '2024-08-31').map((o) => o.id.slice(-10));
      for (const exceptions of [
        [{ series_id: series.id, date: first, kind: 'cancelled' }],
        [{ series_id: series.id, date: first, kind: 'override', changes: { starts_at: `${first}T10:00:00+08:00`, title: 'Moved' } }],
        [{ series_id: series.id, date: second, kind: 'override', changes: { status: 'draft' } }],
      ] as SeriesException[][]) {
        const expected = expandSeries(series, exceptions, '2024-07-01', '2024-08-31').filter((o) => o.status === 'scheduled');
        expect(fromFeed(buildIcs('Jangkau', [series], [], exceptions, points, { now: NOW })), JSON.stringify([rule, exceptions])).toEqual(comparable(expected));
      }
    }
  });

  it('publishes several series and single visits together, leaving out drafts and cancelled visits', () => {
    const a = makeSeries(RULES.pasah, '2024-07-01', '2024-08-15', 'a');
    const b = makeSeries(RULES.kajengKliwon, '2024-07-02', '2024-12-31', 'b');
    const draft = { ...makeSeries(RULES.sunday, '2024-07-01', '2024-08-15', 'c'), status: 'draft' as const };
    const singles = [makeVisit({ id: 1 }), makeVisit({ id: 2, status: 'cancelled' }), makeVisit({ id: 3, status: 'draft' })];
    const exceptions: SeriesException[] = [{ series_id: 'b', date: '2024-07-31', kind: 'cancelled' }];
    const expected = [
      ...expandSeries(a, exceptions, '2024-07-01', '2024-12-31'),
      ...expandSeries(b, exceptions, '2024-07-01', '2024-12-31'),
      visitToOccurrence(singles[0]),
    ].sort((x, y) => Date.parse(x.starts_at) - Date.parse(y.starts_at));
    const parsed = fromFeed(buildIcs('Jangkau', [a, b, draft], singles, exceptions, points, { now: NOW }));
    expect(parsed.map((p) => p.startMs)).toEqual(comparable(expected).map((p) => p.startMs));
  });
});

describe('buildIcs text', () => {
  const series = makeSeries(RULES.pasahOrBeteng, '2024-07-01', '2024-07-31');
  const text = buildIcs('Jangkau Bangli', [series], [makeVisit({ id: 42 })], [
    { series_id: series.id, date: '2024-07-02', kind: 'cancelled' },
  ], points, { now: NOW });

  it('declares a fixed +08:00 VTIMEZONE for Asia/Makassar and uses it in DTSTART', () => {
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Makassar');
    expect(text).toContain('TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800');
    expect(text).not.toContain('DAYLIGHT');
    expect(text).toContain('DTSTART;TZID=Asia/Makassar:20240701T090000');
    expect(text).toContain('DTSTART;TZID=Asia/Makassar:20240703T080000');
  });

  it('uses stable UIDs and the given time as DTSTAMP in UTC', () => {
    expect(text.match(/^UID:.*$/gm)).toEqual(['UID:series-11-first@jangkau', 'UID:series-11-0@jangkau', 'UID:series-11-1@jangkau', 'UID:visit-42@jangkau']);
    expect(text.match(/^DTSTAMP:.*$/gm)?.every((l) => l === 'DTSTAMP:20240615T030405Z')).toBe(true);
    expect(buildIcs('Jangkau Bangli', [series], [makeVisit({ id: 42 })], [{ series_id: series.id, date: '2024-07-02', kind: 'cancelled' }], points, { now: NOW })).toBe(text);
  });

  it('writes an RRULE every three days with UNTIL in UTC, and EXDATE for the cancelled day', () => {
    expect(text.match(/^RRULE:.*$/gm)).toEqual([
      'RRULE:FREQ=DAILY;INTERVAL=3;UNTIL=20240731T155959Z',
      'RRULE:FREQ=DAILY;INTERVAL=3;UNTIL=20240731T155959Z',
    ]);
    expect(text).toContain('EXDATE;TZID=Asia/Makassar:20240702T090000');
  });

  it('names the point as LOCATION and gives GEO as latitude;longitude', () => {
    expect(text).toContain('LOCATION:Pasar Contoh\\, Kintamani');
    expect(text).toContain('GEO:-8.2791;115.3512');
    expect(text).toContain('X-WR-CALNAME:Jangkau Bangli');
  });
});
