import { describe, expect, it } from 'vitest';
import reference from '../../../data/bali_pawukon_reference.json';
import { addDays } from '../../../server/domain/calendar/dates.js';
import { SAPTAWARA, WUKU, balineseDay, calendarRange } from '../../../server/domain/calendar/pawukon.js';

describe('balineseDay', () => {
  it('matches every anchor in the reference file', () => {
    expect(reference.anchors.length).toBeGreaterThanOrEqual(4);
    for (const anchor of reference.anchors) {
      const day = balineseDay(anchor.date);
      const { date, source: _source, ...expected } = anchor;
      expect(day).toMatchObject({ date, ...expected });
    }
  });

  it('gives 1969-01-01 as day 87, Langkir, Buda, Pasah, Wage', () => {
    expect(balineseDay('1969-01-01')).toEqual({
      date: '1969-01-01', pawukon_day: 87, saptawara: 'Buda', triwara: 'Pasah', pancawara: 'Wage', wuku: 'Langkir', kajeng_kliwon: false,
    });
  });

  it('gives 1971-01-27 as day 3 and 2000-01-18 as day 86', () => {
    expect(balineseDay('1971-01-27').pawukon_day).toBe(3);
    expect(balineseDay('2000-01-18').pawukon_day).toBe(86);
  });

  it('has exactly the API keys of GET /api/calendar', () => {
    expect(Object.keys(balineseDay('2025-01-01')).sort()).toEqual(
      ['date', 'kajeng_kliwon', 'pancawara', 'pawukon_day', 'saptawara', 'triwara', 'wuku'],
    );
  });

  it('advances one pawukon day per civil day and wraps after 210 days', () => {
    const days = calendarRange('2024-12-01', '2025-12-31');
    for (let i = 1; i < days.length; i++) expect(days[i].pawukon_day).toBe((days[i - 1].pawukon_day + 1) % 210);
    expect(balineseDay(addDays('2025-03-03', 210))).toEqual({ ...balineseDay('2025-03-03'), date: addDays('2025-03-03', 210) });
  });

  it('has the 30 wuku in order, each lasting seven days from Redite to Saniscara', () => {
    expect(WUKU).toHaveLength(30);
    expect(WUKU[0]).toBe('Sinta');
    expect(WUKU[10]).toBe('Dungulan');
    expect(WUKU[29]).toBe('Watugunung');
    const sinta = calendarRange('2024-01-01', '2024-12-31').find((d) => d.pawukon_day === 0)!;
    expect(sinta).toMatchObject({ saptawara: 'Redite', triwara: 'Pasah', pancawara: 'Paing', wuku: 'Sinta' });
    expect(balineseDay(addDays(sinta.date, 6))).toMatchObject({ saptawara: 'Saniscara', wuku: 'Sinta' });
    expect(balineseDay(addDays(sinta.date, 7))).toMatchObject({ saptawara: 'Redite', wuku: 'Landep' });
  });

  it('gives the same saptawara as the JavaScript weekday for 1000 consecutive days', () => {
    const start = Date.UTC(2023, 5, 15);
    for (let i = 0; i < 1000; i++) {
      const d = new Date(start + i * 86_400_000);
      const date = d.toISOString().slice(0, 10);
      expect(balineseDay(date).saptawara, date).toBe(SAPTAWARA[d.getUTCDay()]);
    }
  });

  it('finds every Kajeng Kliwon listed for 2025-2026 and no other day', () => {
    const found = calendarRange('2025-01-01', '2025-12-31').concat(calendarRange('2026-01-01', '2026-12-31'))
      .filter((d) => d.kajeng_kliwon)
      .map((d) => d.date);
    expect(found).toEqual(reference.kajeng_kliwon_2025_2026);
  });

  it('marks Kajeng Kliwon exactly when the triwara is Kajeng and the pancawara Kliwon', () => {
    for (const d of calendarRange('2025-01-01', '2025-12-31')) {
      expect(d.kajeng_kliwon).toBe(d.triwara === 'Kajeng' && d.pancawara === 'Kliwon');
    }
  });

  it('says Pasar Penelokan (open on Pasah) was open on Sunday 6 July 2025', () => {
    expect(balineseDay('2025-07-06')).toMatchObject({ triwara: 'Pasah', saptawara: 'Redite' });
  });
});
