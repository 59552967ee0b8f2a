import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { coded } from '../zodIssue.js';
import { errors, json } from '../schemas.js';
import { enumListParam, intParam, parseDecimal, regionParam } from '../params.js';
import { POINT_TYPES } from '../../domain/points/vocabulary.js';
import { DEFAULT_SUGGEST_TYPES, type CoverageService } from '../../services/coverage.js';
import { SUGGEST_WORK_BUDGET } from '../../domain/coverage/suggest.js';

/** radius_km: a plain decimal with 0 < r ≤ 100 (0 would make every village unreached by definition). */
function radiusParam() {
  const message = 'radius_km must be a number of kilometres greater than 0 and at most 100, like 5 or 2.5';
  return z
    .string({ error: `radius_km must be given once: ${message}` })
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return 5;
      const n = parseDecimal(s);
      if (n === null || n <= 0 || n > 100) {
        ctx.addIssue(coded('number_out_of_range', `${message} (got "${s.slice(0, 40)}")`, { min: 0, max: 100, got: s.slice(0, 40) }));
        return z.NEVER;
      }
      return n;
    })
    .openapi({ type: 'number', exclusiveMinimum: 0, maximum: 100, default: 5 });
}

const windowQuery = {
  radius_km: radiusParam(),
  days: intParam('days', 0, 365, 30),
  region: regionParam(),
};

const Village = z.object({
  code: z.string(),
  name: z.string(),
  district_code: z.string(),
  district_name: z.string(),
  distance_m: z.number().nullable().openapi({ description: 'great-circle metres (0.1 m) to the nearest reaching place; null when there is none' }),
  nearest_point_id: z.number().int().nullable(),
  covered: z.boolean().openapi({ description: 'distance_m <= radius_km × 1000' }),
});

export const Coverage = z
  .object({
    radius_km: z.number(),
    days: z.number().int(),
    covered: z.number().int(),
    total: z.number().int(),
    villages: z.array(Village),
  })
  .openapi('Coverage');

export const Suggestion = z
  .object({
    sites: z.array(z.object({
      point_id: z.number().int(),
      name: z.string(),
      type: z.string(),
      position: z.tuple([z.number(), z.number()]).openapi({ description: '[lng, lat]' }),
      newly_covered: z.array(z.string()).openapi({ description: 'village codes this site newly reaches (each village credited to one site)' }),
    })),
    covered_before: z.number().int(),
    covered_after: z.number().int(),
    radius_km: z.number(),
    days: z.number().int(),
    k: z.number().int(),
    types: z.array(z.string()),
    method: z.enum(['exhaustive', 'greedy_swap', 'greedy']).openapi({ description: 'greedy: the swap search ran out of the work budget' }),
    guarantee: z.string(),
    candidate_pool: z.object({ per_village: z.number().int(), considered: z.number().int(), total: z.number().int() }).nullable()
      .openapi({ description: 'set when the candidates did not fit the work budget: only the per_village venues nearest to each unreached village were considered' }),
    work: z.object({ units: z.number().int(), budget: z.number().int() })
      .openapi({ description: `units of work spent (one per venue × village distance check or set element visited) and the budget (${SUGGEST_WORK_BUDGET})` }),
  })
  .openapi('CoverageSuggestion');

const coverage = createRoute({
  method: 'get',
  path: '/coverage',
  tags: ['coverage'],
  summary: 'Every village with the distance from its interior point to the nearest registration opportunity',
  description:
    'A reaching place is an active point offering `registration`, or a point with an outreach visit that is scheduled ' +
    '(not cancelled, not draft), has not ended and starts within `days` × 24 h from now. Public: aggregate of public data.',
  request: { query: z.object(windowQuery) },
  responses: { 200: json(Coverage, 'Every served village (or those of ?region=), in village-code order'), ...errors },
});

const suggest = createRoute({
  method: 'get',
  path: '/coverage/suggest',
  tags: ['coverage'],
  summary: 'Where k new outreach visits would newly reach the most uncovered villages',
  description:
    `Candidates are active points of the given types (default ${DEFAULT_SUGGEST_TYPES.join(', ')}). Sites come strongest ` +
    'first; sites that would add nothing are left out, so fewer than k may come back. `guarantee` says how close to optimal it is. ' +
    `One answer may spend at most ${SUGGEST_WORK_BUDGET} units of work (\`work\`); beyond that it considers only the venues nearest to each ` +
    'unreached village (`candidate_pool`) or stops the swap search (`method: greedy`). Answers are cached until a point or visit changes.',
  request: {
    query: z.object({
      k: intParam('k', 1, 20, 3),
      ...windowQuery,
      types: enumListParam('types', POINT_TYPES),
    }),
  },
  responses: { 200: json(Suggestion, 'Suggested venues'), ...errors },
});

/** GET /api/coverage and /api/coverage/suggest (public). */
export function coverageRoutes(service: CoverageService) {
  return createRouter()
    .openapi(coverage, (c) => {
      const q = c.req.valid('query');
      if (q.region) return c.json(service.coverage(q.radius_km, q.days, q.region), 200);
      // All villages: the service keeps the answer's JSON in parts and re-serializes only what a write changed.
      return c.body(service.coverageJson(q.radius_km, q.days), 200, { 'Content-Type': 'application/json' }) as never;
    })
    .openapi(suggest, (c) => {
      const q = c.req.valid('query');
      return c.json(service.suggest(q.k, q.radius_km, q.days, q.types ?? DEFAULT_SUGGEST_TYPES, q.region), 200);
    });
}
