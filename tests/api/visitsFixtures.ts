/** Made-up market points and visit bodies for the outreach API tests. */
import type { TestApp } from '../helpers/app.js';
import type { PointInput } from '../../server/domain/points/point.js';
import type { LngLat } from '../../server/domain/geo/types.js';

/** Inserts a made-up point (as staff would) and returns its id. Defaults: a Pasah market 06:00–12:00 WITA. */
export function addTestPoint(t: TestApp, overrides: Partial<PointInput> = {}): number {
  const position: LngLat = overrides.position ?? [115.3551, -8.4492];
  const input: PointInput = {
    name: 'Pasar Uji Coba',
    type: 'market',
    position,
    village_code: t.services.villages.codeAt(position),
    address: null, phone: null, whatsapp: null,
    services: ['information'],
    opening_hours: null,
    market_days: { triwara: ['Pasah'] },
    opens: '06:00',
    closes: '12:00',
    accuracy: 'approximate',
    location_note: 'test fixture',
    verified_at: null,
    status: 'active',
    source: 'test',
    external_id: null,
    notes: null,
    ...overrides,
  };
  return t.services.pointStore.insert(input, '2026-11-01T00:00:00.000Z');
}

/** A POST /api/visits body at 08:00–10:00 WITA on `date`. */
export function visitBody(pointId: number, date: string, extra: Record<string, unknown> = {}) {
  return {
    point_id: pointId,
    title: 'Pendaftaran di pasar',
    activities: ['sosialisasi', 'pendaftaran'],
    starts_at: `${date}T08:00:00+08:00`,
    ends_at: `${date}T10:00:00+08:00`,
    ...extra,
  };
}
