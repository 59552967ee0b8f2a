import type { BBox } from '../geo/types.js';
import { checkPointFields, DRAFT_DEFAULTS, mergePointPatch, type FieldIssue, type PointDraft } from './validate.js';

export type NewPointCheck = { ok: true; draft: PointDraft } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a complete new point as staff or an import row send it (name, type, lat, lng required; unknown
 * fields rejected; phone normalised; inside `region`). Pure, so the import's worker thread runs it too.
 */
export function validateNewPoint(body: unknown, region: BBox): NewPointCheck {
  const { value, issues } = checkPointFields(body, { partial: false });
  if (issues.length > 0) return { ok: false, issues };
  const base: PointDraft = { ...DRAFT_DEFAULTS, name: value.name!, type: value.type!, position: [value.lng!, value.lat!] };
  const merged = mergePointPatch(base, value, region);
  return merged.issues.length > 0 ? { ok: false, issues: merged.issues } : { ok: true, draft: merged.draft };
}
