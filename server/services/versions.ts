import { etag, ifMatchAllows, ifNoneMatchAllows, type IfMatch } from '../domain/concurrency/etag.js';
import { HttpError } from '../errors.js';
import type { VersionStore } from '../storage/versions.js';
import { parseVisitRef } from './visitIds.js';

/** No If-Match header: API users may write without one (the web forms always send it). */
export const NO_IF_MATCH: IfMatch = { kind: 'absent' };

/**
 * ETags of the editable rows (points, visits, series, occurrences, outcomes) and the If-Match check that
 * refuses a write from an older read with 412 `precondition_failed`, naming the current tag.
 */
export class VersionService {
  constructor(private readonly store: VersionStore) {}

  /** `"p12.3"`, or null for an unknown point. */
  pointEtag(id: number): string | null {
    const v = this.store.point(id);
    return v === undefined ? null : etag('p', id, v);
  }

  /**
   * The tag of a visit (`"v7.2"`), a series (`"s12.4"`) or one occurrence (`"s12:2026-12-03.4.1"`: the
   * series' version, then its own exception's, 0 when it has none); null when unknown or not an id.
   */
  visitEtag(idText: string): string | null {
    let ref;
    try {
      ref = parseVisitRef(idText);
    } catch {
      return null;
    }
    if (ref.kind === 'visit') {
      const v = this.store.visit(ref.id);
      return v === undefined ? null : etag('v', ref.id, v);
    }
    const seriesId = ref.kind === 'series' ? ref.id : ref.seriesId;
    const s = this.store.series(seriesId);
    if (s === undefined) return null;
    if (ref.kind === 'series') return etag('s', ref.id, s);
    return etag('s', `${seriesId}:${ref.date}`, s, this.store.exception(seriesId, ref.date) ?? 0);
  }

  /** `"ov7.2"` for the outcome of occurrence `visitId`, or null when none is recorded. */
  outcomeEtag(visitId: string): string | null {
    const v = this.store.outcome(visitId);
    return v === undefined ? null : etag('o', visitId, v);
  }

  /** Throws 412 `precondition_failed` (field `if-none-match`) when `If-None-Match: *` meets an existing row. */
  requireNone(ifNoneMatch: IfMatch, current: string | null): void {
    if (ifNoneMatchAllows(ifNoneMatch, current)) return;
    throw new HttpError(412, `If-None-Match refused: it exists now (${current}), someone recorded it since you read it. GET it again and send If-Match with its ETag to replace it.`, {
      field: 'if-none-match', code: 'precondition_failed', params: { current_etag: current },
    });
  }

  /** Throws 412 `precondition_failed` (field `if-match`) unless `ifMatch` allows writing over `current`. */
  require(ifMatch: IfMatch, current: string | null): void {
    if (ifMatchAllows(ifMatch, current)) return;
    throw new HttpError(
      412,
      `If-Match does not match the current version (${current ?? 'none'}): someone changed this since you read it. GET it again, re-apply your change and send the new ETag.`,
      { field: 'if-match', code: 'precondition_failed', params: { current_etag: current } },
    );
  }
}
