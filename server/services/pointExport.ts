import { stringify } from 'csv-stringify/sync';
import type { PointStore } from '../storage/points.js';
import type { FinderService, PointCollection } from './finder.js';

/** CSV export columns: the import columns plus id, so the file can be edited and imported back. */
export const EXPORT_COLUMNS = ['id', 'external_id', 'name', 'type', 'lat', 'lng', 'address', 'phone', 'whatsapp', 'services', 'accuracy', 'notes'] as const;

/**
 * Exports of the public points (every point that is not retired). The CSV round-trips through the
 * import: re-importing it updates every row and changes nothing.
 */
export class PointExportService {
  constructor(
    private readonly points: PointStore,
    private readonly finder: FinderService,
    private readonly now: () => Date,
  ) {}

  /** All public points as a FeatureCollection; `properties.id` repeats the id so the file can be re-imported. */
  geojson(): PointCollection {
    const now = this.now();
    return { type: 'FeatureCollection', features: this.points.listVisible().map((p) => this.finder.publicFeature(p, now, { id: p.id })) };
  }

  /** All public points as CSV text with a header line (UTF-8, comma separated, services joined by ';'). */
  csv(): string {
    const rows = this.points.listVisible().map((p) => [
      p.id, p.external_id ?? '', p.name, p.type, p.position[1], p.position[0], p.address ?? '', p.phone ?? '',
      p.whatsapp ?? '', p.services.join(';'), p.accuracy, p.notes ?? '',
    ]);
    // Numbers go through String(): the shortest text that parses back to the same double, so lat/lng round-trip exactly.
    return stringify([[...EXPORT_COLUMNS], ...rows], { cast: { number: (n) => String(n) } });
  }
}
