import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventWindow } from '../../../server/domain/events/window.js';

// A visit on Wednesday 2 December 2026, 09:00–11:00 WITA (01:00–03:00 UTC).
const visit = { status: 'scheduled', starts_at: '2026-12-02T09:00:00+08:00', ends_at: '2026-12-02T11:00:00+08:00' };
const at = (iso: string) => eventWindow(visit, new Date(iso));

describe('eventWindow', () => {
  it('opens exactly 2 h before the start (07:00 WITA) and not a second earlier', () => {
    expect(at('2026-12-01T22:59:59Z')).toMatchObject({ open: false, reason: 'event_not_open_yet', opens_at: '2026-12-01T23:00:00.000Z' });
    expect(at('2026-12-01T23:00:00Z').open).toBe(true);
  });

  it('closes exactly 24 h after the end (Thursday 11:00 WITA)', () => {
    expect(at('2026-12-03T03:00:00Z').open).toBe(true);
    expect(at('2026-12-03T03:00:01Z')).toMatchObject({ open: false, reason: 'event_window_closed', closes_at: '2026-12-03T03:00:00.000Z' });
  });

  it('never opens for a draft or cancelled visit', () => {
    for (const status of ['draft', 'cancelled']) {
      expect(eventWindow({ ...visit, status }, new Date('2026-12-02T02:00:00Z'))).toMatchObject({ open: false, reason: 'event_not_scheduled' });
    }
  });

  it('is open exactly when start − 2 h ≤ now ≤ end + 24 h, for random visits and times', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 12 * 3600 }), fc.integer({ min: -4e5, max: 4e5 }), (startS, lenS, offS) => {
      const start = base + startS * 1000;
      const end = start + lenS * 1000;
      const now = start + offS * 1000;
      const v = { status: 'scheduled', starts_at: new Date(start).toISOString(), ends_at: new Date(end).toISOString() };
      const expected = now >= start - 7200_000 && now <= end + 86400_000;
      expect(eventWindow(v, new Date(now)).open).toBe(expected);
    }));
  });
});
