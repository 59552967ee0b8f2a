import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { json } from '../schemas.js';

/** One bilingual line of data/registration_guide.json. */
const GuideItem = z.object({ id: z.string(), id_text: z.string(), en_text: z.string(), source: z.string().optional(), url: z.string().optional() }).loose();
const Program = z.object({ mandatory: z.boolean().optional(), available: z.boolean().optional(), confidence: z.string().optional() });

/**
 * GET /api/info/registration: the two data files as they are. The fields the web reads are typed; the files'
 * other facts (sources, notes, legal references) pass through unchanged.
 */
export const RegistrationInfo = z
  .object({
    rules: z
      .object({
        status: z.string().optional(),
        programs: z
          .object({
            JKK: Program.extend({ rate: z.string() }).loose(),
            JKM: Program.extend({ amount_idr_per_month: z.number() }).loose(),
            JHT: Program.extend({ rate: z.string() }).loose(),
          })
          .catchall(Program.loose()),
        minimum_monthly: z.object({ JKK_plus_JKM_idr: z.number(), derivation: z.string(), sources: z.array(z.string()).optional() }).loose(),
        temporary_relief: z
          .object({
            regulation: z.string(), effect: z.string(), confidence: z.string(),
            periods: z.record(z.string(), z.tuple([z.string(), z.string()])).openapi({ description: 'sector: [first day, last day], YYYY-MM-DD' }),
            links_cited: z.array(z.string()).optional(),
          })
          .loose()
          .optional(),
        legal_basis: z.array(z.string()).optional(),
      })
      .loose(),
    guide: z
      .object({
        what_to_bring: z.array(GuideItem),
        programs: z.array(GuideItem),
        channels: z.array(GuideItem),
        privacy: z.object({ id_text: z.string(), en_text: z.string() }).optional(),
        retrieved: z.string().optional(),
      })
      .loose(),
  })
  .openapi('RegistrationInfo');

const registration = createRoute({
  method: 'get',
  path: '/info/registration',
  tags: ['info'],
  summary: "BPU membership facts for the 'Cara mendaftar' panel: programmes, contribution rules with sources, what to bring, official channels",
  responses: { 200: json(RegistrationInfo, 'Facts with their sources') },
});

/** GET /api/info/registration — served from data files, not hard-coded prose. */
export function infoRoutes(info: { rules: Record<string, unknown>; guide: Record<string, unknown> }) {
  return createRouter().openapi(registration, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    // The files are read as JSON; tests/api/response-schemas.test.ts checks they fit the schema.
    return c.json(info as z.infer<typeof RegistrationInfo>, 200);
  });
}
