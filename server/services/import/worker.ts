/**
 * The import's worker thread: parses an HTTP import body (CSV, GeoJSON, Overpass JSON) and runs every check
 * that needs no database (row shape, point fields, service region), off the main thread, so a 50 MB import does
 * not stall other requests. Posts prepared rows in batches; the main thread matches them against the stored
 * points and writes (server/services/import/offThread.ts).
 *
 * Messages to the main thread: {type:'start', format, sizeBytes}, {type:'batch', items}, {type:'done'} or
 * {type:'error', status, message, field, code, params}. Back-pressure: at most MAX_IN_FLIGHT batches are ahead of
 * what the main thread has acknowledged in the shared counter, so memory holds a few batches, not the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateNewPoint } from '../../domain/points/newPoint.js';
import type { BBox } from '../../domain/geo/types.js';
import { HttpError } from '../../errors.js';
import { InvalidInputError } from '../../domain/errors.js';
import { rejectDeepJson } from '../../http/bodyGuard.js';
import { sourceFromBody } from './detect.js';
import { prepareRow, type PreparedItem } from './prepare.js';
import type { ParsedItem } from './types.js';

/** Rows per message: large enough to amortise messaging, small enough that the main thread's share is short. */
export const BATCH_ROWS = 250;
const MAX_IN_FLIGHT = 4;

export interface ImportWorkerInput {
  body: Uint8Array;
  contentType: string | undefined;
  region: BBox;
  /** Int32Array over a SharedArrayBuffer: [0] = batches the main thread has consumed. */
  acked: Int32Array;
}

async function main(input: ImportWorkerInput): Promise<void> {
  const port = parentPort!;
  const text = new TextDecoder().decode(input.body);
  const type = (input.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type.endsWith('json')) await rejectDeepJson(async () => text);
  const source = sourceFromBody(input.contentType, text);
  port.postMessage({ type: 'start', format: source.format, sizeBytes: source.sizeBytes });
  let batch: PreparedItem[] = [];
  let sent = 0;
  const flush = () => {
    if (batch.length === 0) return;
    port.postMessage({ type: 'batch', items: batch });
    batch = [];
    sent++;
    for (let seen = Atomics.load(input.acked, 0); sent - seen > MAX_IN_FLIGHT; seen = Atomics.load(input.acked, 0)) {
      Atomics.wait(input.acked, 0, seen, 1000);
    }
  };
  const visit = (item: ParsedItem) => {
    batch.push('skipped' in item ? item : { row: prepareRow(item.row, (body) => validateNewPoint(body, input.region)) });
    if (batch.length >= BATCH_ROWS) flush();
  };
  if (source.eachSync) source.eachSync(visit);
  else for await (const item of source.items()) visit(item);
  flush();
  port.postMessage({ type: 'done' });
}

main(workerData as ImportWorkerInput).catch((err: unknown) => {
  if (err instanceof HttpError) {
    parentPort!.postMessage({ type: 'error', status: err.status, message: err.message, field: err.field, code: err.code, params: err.params });
  } else if (err instanceof InvalidInputError) {
    parentPort!.postMessage({ type: 'error', status: 400, message: err.message, field: err.field, code: err.code, params: err.params });
  } else {
    parentPort!.postMessage({ type: 'error', status: 500, message: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  }
});
