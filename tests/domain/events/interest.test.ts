import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { funnel, funnelBy, interestSummary, INTEREST_STATUSES } from '../../../server/domain/events/interest.js';
import { containsNik } from '../../../server/domain/privacy/nik.js';

describe('interest funnel', () => {
  it('counts contacted as dihubungi + terdaftar and registered as terdaftar', () => {
    // 5 records: 2 baru, 1 dihubungi, 1 terdaftar, 1 tidak_jadi → interested 5, contacted 2, registered 1.
    expect(funnel(['baru', 'baru', 'dihubungi', 'terdaftar', 'tidak_jadi'])).toEqual({ interested: 5, contacted: 2, registered: 1 });
    expect(interestSummary(['baru', 'terdaftar', 'baru'])).toEqual({ total: 3, by_status: { baru: 2, dihubungi: 0, terdaftar: 1, tidak_jadi: 0 } });
  });

  it('groups by key and the groups add up to the whole, for random records', () => {
    fc.assert(fc.property(fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), status: fc.constantFrom(...INTEREST_STATUSES) })), (records) => {
      const groups = funnelBy(records);
      const sum = groups.reduce((s, g) => ({ interested: s.interested + g.funnel.interested, contacted: s.contacted + g.funnel.contacted, registered: s.registered + g.funnel.registered }), { interested: 0, contacted: 0, registered: 0 });
      expect(sum).toEqual(funnel(records.map((r) => r.status)));
      for (const g of groups) expect(g.funnel.registered).toBeLessThanOrEqual(g.funnel.contacted);
    }));
  });
});

describe('containsNik', () => {
  it('finds 16 digits in a row, also written in groups', () => {
    expect(containsNik('NIK saya 5106011234560001')).toBe(true);
    expect(containsNik('5106 0112 3456 0001')).toBe(true);
    expect(containsNik('5106-0112-3456-0001')).toBe(true);
  });
  it('leaves phone numbers, prices and dates alone', () => {
    expect(containsNik('hubungi 0812 3456 7890')).toBe(false);
    expect(containsNik('iuran Rp16.800 sejak 2026-12-02')).toBe(false);
    expect(containsNik('Bagus sekali, terima kasih')).toBe(false);
  });
});
