import { describe, expect, it } from 'vitest';
import { rankOptions, type PlaceOption, type PointOption, type VisitOption } from '../../../server/domain/registration/rank.js';

// Wednesday 2026-11-25 10:00 WITA.
const NOW = new Date('2026-11-25T02:00:00Z');

const visit = (id: string, distance_m: number, startsAt: string, endsAt = startsAt.replace(/T\d\d/, 'T23')): VisitOption => ({
  kind: 'visit', visit_id: id, point_id: 1, name: id, distance_m, starts_at: startsAt, ends_at: endsAt, activities: ['pendaftaran'],
  village_code: null, position: [115.3, -8.4],
});
const point = (id: number, distance_m: number, open_now: boolean | null = null): PointOption => ({
  kind: 'point', point_id: id, name: `p${id}`, distance_m, services: ['registration'], open_now, village_code: null, position: [115.3, -8.4],
});
const order = (xs: PlaceOption[]) => rankOptions(xs, NOW).map((o) => (o.kind === 'visit' ? o.visit_id : `p${o.point_id}`));

describe('the order of registration options', () => {
  it('puts a visit 5 km away later this week before a point 20 km away', () => {
    // Monday 30 Nov, 5 days away: 5 km + 5 × 1 km ≈ 10 km < 20 km.
    expect(order([point(1, 20_000), visit('v1', 5_000, '2026-11-30T09:00:00+08:00')])).toEqual(['v1', 'p1']);
  });

  it('puts a point 8 km away before a visit next door a month from now', () => {
    // 26 Dec is 31 days away: 300 m + 31 km > 8 km.
    expect(order([visit('v1', 300, '2026-12-26T09:00:00+08:00'), point(1, 8_000)])).toEqual(['p1', 'v1']);
  });

  it('puts a visit under way before anything farther, and sorts visits by how soon they start at equal distance', () => {
    expect(order([
      visit('later', 1_000, '2026-12-05T09:00:00+08:00'),
      visit('soon', 1_000, '2026-11-27T09:00:00+08:00'),
      visit('now', 2_000, '2026-11-25T09:00:00+08:00', '2026-11-25T12:00:00+08:00'),
    ])).toEqual(['now', 'soon', 'later']);
  });

  it('puts a point open now before one whose hours are unknown and a closed one, at equal distance', () => {
    expect(order([point(3, 4_000, false), point(2, 4_000, null), point(1, 4_000, true)])).toEqual(['p1', 'p2', 'p3']);
  });

  it('keeps the nearer of two points whatever their opening, when they are not equally far', () => {
    expect(order([point(1, 4_000, true), point(2, 3_999, false)])).toEqual(['p2', 'p1']);
  });

  it('keeps only the first `limit` options', () => {
    const ranked = rankOptions([point(1, 3), point(2, 1), point(3, 2)], NOW, 2);
    expect(ranked.map((o) => (o as PointOption).point_id)).toEqual([2, 3]);
  });
});
