import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json } from '../schemas.js';
import { actorOf, requireRole } from '../auth.js';
import { errorBody } from '../../errors.js';
import { limitBody } from '../bodyGuard.js';
import type { ImportService } from '../../services/import/index.js';
import type { PointExportService } from '../../services/pointExport.js';

/** Largest import body, in bytes (about 300k CSV rows). Larger files go through `npm run import`. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const RowErrorSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
const ImportReportSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int().openapi({ description: 'Rows matched to an existing point (by external_id, else id); includes unchanged' }),
    unchanged: z.number().int().openapi({ description: 'Of updated: rows identical to the stored point (nothing written)' }),
    errors: z.array(RowErrorSchema).openapi({ description: 'line: CSV file line (header = 1); GeoJSON/Overpass: 0-based feature/element index' }),
    skipped: z.array(z.object({ line: z.number().int(), message: z.string() })),
    error_count: z.number().int().optional().openapi({ description: 'Total errors when more than the 1000 listed' }),
    format: z.enum(['csv', 'geojson', 'overpass']),
    dry_run: z.boolean(),
  })
  .openapi('ImportReport');

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  tags: ['import'],
  summary: 'Bulk import of service points (staff): CSV, GeoJSON or Overpass JSON, all or nothing',
  description:
    'Content-Type text/csv (header line: name,type,lat,lng required; id,external_id,address,phone,whatsapp,services,accuracy,notes optional; ' +
    'services separated by ";" or "|"), application/geo+json or application/json (a GeoJSON FeatureCollection of Points with the same ' +
    'properties, or an Overpass answer {"elements":[…]} fetched with "out center;"). Rows with a known external_id (else id) update that ' +
    'point; other rows create points. With dry_run=true nothing is written. Without it, any invalid row answers 422 with the same report ' +
    `and nothing is written. Bodies over ${IMPORT_MAX_BYTES / 1024 / 1024} MB: 413; use npm run import.`,
  middleware: [
    requireRole('staff'),
    limitBody(IMPORT_MAX_BYTES, ' Split the file, or import it on the server with npm run import -- FILE.'),
  ] as const,
  request: {
    query: z.object({
      dry_run: z
        .enum(['true', 'false'], { error: 'dry_run must be true or false, given once' })
        .optional()
        .openapi({ description: 'true: check and count only, change nothing' }),
    }),
    body: { content: { 'text/csv': { schema: z.string().openapi({ example: 'name,type,lat,lng\nPasar Kidul,market,-8.4566,115.3547\n' }) } }, required: true },
  },
  responses: {
    200: json(ImportReportSchema, 'Imported (or, with dry_run, what would be imported)'),
    ...errors,
    401: json(ErrorBody, 'Not logged in'),
    403: json(ErrorBody, 'Not staff or admin'),
    413: json(ErrorBody, 'Body too large'),
    415: json(ErrorBody, 'Unsupported Content-Type'),
    422: json(ImportReportSchema.extend({ error: ErrorBody.shape.error }), 'Some rows are invalid; nothing was written'),
  },
});

const exportGeojson = createRoute({
  method: 'get',
  path: '/points.geojson',
  tags: ['points'],
  summary: 'Every public (not retired) service point as a GeoJSON FeatureCollection, re-importable',
  responses: { 200: { content: { 'application/geo+json': { schema: z.string().openapi({ description: 'GeoJSON FeatureCollection (RFC 7946)' }) } }, description: 'FeatureCollection; properties.id is the point id' } },
});

const exportCsv = createRoute({
  method: 'get',
  path: '/points.csv',
  tags: ['points'],
  summary: 'Every public (not retired) service point as CSV with the import columns plus id; re-importing it changes nothing',
  description:
    "Streamed in id order. Text cells that a spreadsheet could run as a formula (starting with =, +, -, @, tab or CR, maybe after ' ) " +
    "get a leading ' (OWASP CSV injection); the import removes exactly that ', so phone numbers like +62… round-trip. id, lat and lng are plain numbers.",
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'id,external_id,name,type,lat,lng,address,phone,whatsapp,services,accuracy,notes' } },
});

/** POST /api/import (staff), GET /api/points.geojson and /api/points.csv (public). */
export function importExportRoutes(importer: ImportService, exporter: PointExportService) {
  return createRouter()
    .openapi(importRoute, async (c) => {
      const dryRun = c.req.valid('query').dry_run === 'true';
      const user = actorOf(c);
      const { report, rejected } = await importer.importBody(user, c.req.header('content-type'), new Uint8Array(await c.req.arrayBuffer()), { dryRun });
      if (rejected) {
        const first = report.errors[0];
        const n = report.error_count ?? report.errors.length;
        const message = `${n} problem${n === 1 ? '' : 's'} found, nothing was imported. First: line ${first.line}, ${first.field}: ${first.message}`;
        return c.json({ ...report, ...errorBody('import_invalid', message, first.field, { count: n, line: first.line }) }, 422);
      }
      return c.json(report, 200);
    })
    .openapi(exportGeojson, (c) => {
      return c.body(exporter.geojson(), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' }) as never;
    })
    .openapi(exportCsv, (c) => {
      return c.body(exporter.csv(), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="jangkau-points.csv"',
      });
    });
}
