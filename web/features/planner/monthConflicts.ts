/**
 * Conflicts among the visits already in a month, found on the phone with the same pure rules the server
 * uses when saving (closed dates are only known to the server, so they show up on save).
 */
import { findConflicts } from '../../../server/domain/schedule/conflicts';
import type { Occurrence, SchedulePoint } from '../../../server/domain/schedule/types';
import type { PointFeature } from '../../api/types';
import { ruleOf } from './balinese';
import type { Visit, VisitWarning } from '../../api/types';

/** Warnings for `visits` (team overlaps, non-market days, outside market hours). */
export function monthConflicts(visits: Visit[], points: PointFeature[]): VisitWarning[] {
  const lookup: Record<string, SchedulePoint> = {};
  for (const p of points) {
    lookup[String(p.id)] = { id: p.id, name: p.properties.name, market_days: ruleOf(p.properties.market_days), opens: p.properties.opens, closes: p.properties.closes };
  }
  const occurrences: Occurrence[] = visits.map((v) => ({
    id: v.id,
    series_id: v.series_id,
    point_id: String(v.point_id),
    starts_at: v.starts_at,
    ends_at: v.ends_at,
    title: v.title,
    activities: v.activities,
    status: v.status,
    team: v.team ?? null,
    capacity: v.capacity ?? null,
    notes: v.notes ?? null,
    overridden: false,
  }));
  const warnings = findConflicts(occurrences, [], { points: lookup });
  // An overlap is reported from both sides; keep one line per pair.
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = w.code === 'team_overlap' ? [w.occurrence_id, w.other_id].sort().join('|') : `${w.code}|${w.occurrence_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
