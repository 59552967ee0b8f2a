import { stringify } from 'csv-stringify/sync';
import type { PointStore } from '../storage/points.js';
import type { Point } from '../domain/points/point.js';
import { csvSafeText } from '../domain/points/csvCell.js';
import type { FinderService } from './finder.js';

/** CSV export columns: the import columns plus id, so the file can be edited and imported back. */
export const EXPORT_COLUMNS = ['id', 'external_id', 'name', 'type', 'lat', 'lng', 'address', 'phone', 'whatsapp', 'services', 'accuracy', 'notes'] as const;

/** Points read per chunk of a streamed export: memory stays at one page whatever the number of points. */
export const EXPORT_PAGE_SIZE = 500;

// Numbers go through String(): the shortest text that parses back to the same double, so lat/lng round-trip exactly.
const CSV_OPTIONS = { cast: { number: (n: number) => String(n) } };

/** One CSV row of a point: text cells guarded against formula injection, id/lat/lng plain numbers. */
function csvRow(p: Point): (string | number)[] {
  const text = (s: string | null) => csvSafeText(s ?? '');
  return [
    p.id, text(p.external_id), text(p.name), text(p.type), p.position[1], p.position[0], text(p.address), text(p.phone),
    text(p.whatsapp), text(p.services.join(';')), text(p.accuracy), text(p.notes),
  ];
}

/** A byte stream of the texts `next()` gives, until it gives null; each pull makes one chunk. */
function textStream(next: () => string | null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const text = next();
      if (text === null) controller.close();
      else controller.enqueue(encoder.encode(text));
    },
  }, { highWaterMark: 1 });
}

/**
 * Exports of the public points (every point that is not retired), streamed page by page in id order
 * (keyset pages of EXPORT_PAGE_SIZE), never built whole in memory. The CSV round-trips through the import:
 * re-importing it updates every row and changes nothing. A point written while the export streams
 * appears in it when its id is past the page being read.
 */
export class PointExportService {
  constructor(
    private readonly points: PointStore,
    private readonly finder: FinderService,
    private readonly now: () => Date,
  ) {}

  /** Calls `page` with each page of visible points; `head` first and `tail` last. */
  private stream(head: string, page: (points: Point[], first: boolean) => string, tail: string): ReadableStream<Uint8Array> {
    let afterId = 0;
    let state: 'head' | 'body' | 'done' = 'head';
    let first = true;
    return textStream(() => {
      if (state === 'head') {
        state = 'body';
        return head;
      }
      if (state === 'done') return null;
      const points = this.points.visibleAfter(afterId, EXPORT_PAGE_SIZE);
      if (points.length === 0) {
        state = 'done';
        return tail;
      }
      afterId = points[points.length - 1].id;
      const text = page(points, first);
      first = false;
      return text;
    });
  }

  /**
   * All public points as a GeoJSON FeatureCollection, byte for byte `JSON.stringify` of the whole collection;
   * `properties.id` repeats the id so the file can be re-imported.
   */
  geojson(): ReadableStream<Uint8Array> {
    const now = this.now();
    return this.stream(
      '{"type":"FeatureCollection","features":[',
      (points, first) => (first ? '' : ',') + points.map((p) => JSON.stringify(this.finder.publicFeature(p, now, { id: p.id }))).join(','),
      ']}',
    );
  }

  /** All public points as CSV with a header line (UTF-8, comma separated, services joined by ';'). */
  csv(): ReadableStream<Uint8Array> {
    return this.stream(stringify([[...EXPORT_COLUMNS]], CSV_OPTIONS), (points) => stringify(points.map(csvRow), CSV_OPTIONS), '');
  }
}
