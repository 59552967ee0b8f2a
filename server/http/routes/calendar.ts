import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json } from '../schemas.js';
import { idParam } from '../params.js';
import { dateParam } from '../visitParams.js';
import type { CalendarService } from '../../services/calendar.js';

const CalendarDay = z
  .object({
    date: z.string(),
    pawukon_day: z.number().int().openapi({ description: '0..209' }),
    saptawara: z.string(),
    triwara: z.string(),
    pancawara: z.string(),
    wuku: z.string(),
    kajeng_kliwon: z.boolean(),
    holy_day: z.string().nullable().openapi({ description: 'extra: Galungan or Kuningan, else null' }),
    closed: z.string().nullable().openapi({ description: "extra: the organisation's closed date name (e.g. Nyepi), else null" }),
  })
  .openapi('CalendarDay', {
    example: { date: '2024-07-01', pawukon_day: 148, saptawara: 'Soma', triwara: 'Beteng', pancawara: 'Umanis', wuku: 'Medangkungan', kajeng_kliwon: false, holy_day: null, closed: null },
  });

const calendar = createRoute({
  method: 'get',
  path: '/calendar',
  tags: ['calendar'],
  summary: 'Balinese pawukon names of every day from `from` to `to` (inclusive, at most 400 days)',
  request: { query: z.object({ from: dateParam('from', true), to: dateParam('to', true) }) },
  responses: { 200: json(z.object({ days: z.array(CalendarDay) }), 'One entry per day'), ...errors },
});

/** GET /api/points/:id/market-days. */
export const MarketDays = z
  .object({
    dates: z.array(z.string()),
    point_id: z.number().int(),
    from: z.string(),
    to: z.string(),
    market_days: z.record(z.string(), z.array(z.string())).nullable(),
    names: z.array(z.string()).openapi({ description: 'the names the rule lists, e.g. ["Pasah"]' }),
    opens: z.string().nullable(),
    closes: z.string().nullable(),
  })
  .openapi('MarketDays');

const marketDays = createRoute({
  method: 'get',
  path: '/points/{id}/market-days',
  tags: ['calendar', 'points'],
  summary: "A point's market dates in a range (default: today, WITA, for 60 days); dates [] and market_days null when it has no rule",
  request: { params: z.object({ id: idParam() }), query: z.object({ from: dateParam('from'), to: dateParam('to') }) },
  responses: {
    200: json(MarketDays, 'Market dates, ascending (YYYY-MM-DD, WITA)'),
    ...errors,
    404: json(ErrorBody, 'Unknown or retired point'),
  },
});

/** GET /api/calendar and GET /api/points/:id/market-days (public). */
export function calendarRoutes(service: CalendarService) {
  return createRouter()
    .openapi(calendar, (c) => {
      const q = c.req.valid('query');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.json(service.days(q.from!, q.to!), 200);
    })
    .openapi(marketDays, (c) => {
      const q = c.req.valid('query');
      return c.json(service.marketDays(c.req.valid('param').id, q.from, q.to), 200);
    });
}
