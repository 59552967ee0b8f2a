/** Made-up series and points for schedule tests. */
import type { MarketDayRule } from '../../../server/domain/calendar/marketDays.js';
import type { SchedulePoint, Visit, VisitSeries } from '../../../server/domain/schedule/types.js';

export const PASAR: SchedulePoint = {
  id: 3, name: 'Pasar Contoh, Kintamani', location: [115.3512, -8.2791], market_days: { triwara: ['Pasah'] }, opens: '06:00', closes: '12:00',
};

/** A series at 09:00-11:00 WITA from `startDate` through `until` on `rule` days. */
export function makeSeries(rule: MarketDayRule, startDate = '2024-07-01', until = '2024-07-31', id: string | number = 11): VisitSeries {
  return {
    id,
    point_id: PASAR.id,
    title: 'Sosialisasi di pasar',
    activities: ['sosialisasi', 'pendaftaran'],
    starts_at: `${startDate}T09:00:00+08:00`,
    ends_at: `${startDate}T11:00:00+08:00`,
    team: 'Tim A',
    status: 'scheduled',
    repeat: { on_market_days: true, until },
    market_days: rule,
  };
}

export function makeVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    point_id: PASAR.id,
    title: 'Konsultasi',
    activities: ['konsultasi'],
    starts_at: '2024-07-03T08:00:00+08:00',
    ends_at: '2024-07-03T10:00:00+08:00',
    team: 'Tim B',
    status: 'scheduled',
    ...overrides,
  };
}
