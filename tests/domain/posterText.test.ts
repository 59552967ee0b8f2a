import { describe, expect, it } from 'vitest';
import { formatRupiah, indonesianDate, visitWhen } from '../../server/domain/posters/posterText.js';

describe('poster text', () => {
  it.each([
    [16800, 'Rp16.800'],
    [36800, 'Rp36.800'],
    [800, 'Rp800'],
    [20000000, 'Rp20.000.000'],
  ])('writes %i rupiah as %s', (idr, text) => expect(formatRupiah(idr)).toBe(text));

  it.each([
    ['2026-12-07', 'Senin, 7 Desember 2026'],
    ['2027-01-01', 'Jumat, 1 Januari 2027'],
    ['2026-08-17', 'Senin, 17 Agustus 2026'],
  ])('writes %s as %s', (date, text) => expect(indonesianDate(date)).toBe(text));

  it('shows a visit in WITA even when its instants are given in UTC', () => {
    expect(visitWhen('2026-12-07T01:00:00Z', '2026-12-07T04:00:00Z')).toEqual({
      date: 'Senin, 7 Desember 2026', time: '09.00–12.00 WITA', balinese: expect.stringMatching(/^Soma \w+, wuku \w+$/),
    });
  });

  it('names the end date of a visit that runs past midnight WITA', () => {
    expect(visitWhen('2026-12-07T20:00:00+08:00', '2026-12-08T02:00:00+08:00').time).toBe('20.00 WITA sampai Selasa, 8 Desember 2026 02.00 WITA');
  });
});
