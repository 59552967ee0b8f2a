import { InvalidInputError } from '../errors.js';
import { gotParam } from '../codes/values.js';
import type { LngLat } from '../geo/types.js';
import { estimateLeg, type LegEstimate } from './travelTime.js';
import { START, shortOpenPath } from './pathOrder.js';

/** A fixed visit time: ISO 8601 instants (any offset; WITA is +08:00). */
export interface TimeWindow {
  start: string;
  end: string;
}

/** A place the team must visit today. Stops with a `window` are fixed; the others float. */
export interface DayStop {
  id: string | number;
  position: LngLat;
  window?: TimeWindow;
  /** What people call this stop (a visit's title), for warnings; defaults to the id. */
  label?: string;
}

export interface DayRouteInput {
  /** Where the team sets off (e.g. the branch office); optional. */
  start?: LngLat;
  stops: DayStop[];
}

export interface RoutedStop {
  id: string | number;
  position: LngLat;
  /** The fixed window as given, or null for a floating stop. */
  window: TimeWindow | null;
  fixed: boolean;
}

/** One leg of the day; metres rounded to whole metres, minutes to 0.1 and including the stop overhead. */
export interface RouteLeg {
  from_id: string | number | 'start';
  to_id: string | number;
  distance_m: number;
  road_distance_m: number;
  duration_min: number;
}

/** Two consecutive fixed visits that the estimated travel between them does not fit. */
export interface RouteWarning {
  code: 'tight_transfer';
  /** Stops named by label and WITA 'HH:MM' times; gap_min < 0 when they overlap. */
  params: { from_title: string; from_end: string; to_title: string; to_start: string; gap_min: number; travel_min: number; via: number };
  message: string;
  from_id: string | number;
  to_id: string | number;
}

export interface DayRoute {
  stops: RoutedStop[];
  legs: RouteLeg[];
  /** Sums over legs (computed unrounded, then rounded like the legs). */
  totals: { distance_m: number; road_distance_m: number; duration_min: number };
  warnings: RouteWarning[];
}

interface Node {
  stop: DayStop;
  index: number;
  startMs: number;
  endMs: number;
}

const MINUTE_MS = 60_000;
const WITA_OFFSET_MS = 8 * 60 * MINUTE_MS;

/**
 * Order one day's stops into an open path (the team does not need to come back to `start`).
 * - Fixed stops (with a window) keep their times and are visited by start time.
 * - A day with only floating stops is ordered by nearest neighbour from `start`, then 2-opt and Or-opt
 *   (see shortOpenPath). The path is open: it ends at the last stop, not back at `start`.
 * - Mixed days: floating stops are inserted one at a time where they add the fewest metres
 *   (cheapest insertion over all remaining stops and gaps), preferring gaps whose travel still fits
 *   between the surrounding fixed visits. Floating stops' own visit length is unknown and not counted.
 * Consecutive fixed visits whose estimated travel (legs incl. overhead) exceeds the gap between them
 * get a `tight_transfer` warning. Ordering minimises straight-line metres, which also minimises the
 * estimated minutes because the travel model is affine in distance with a per-leg constant.
 */
export function planDayRoute(input: DayRouteInput): DayRoute {
  const nodes = input.stops.map((stop, i) => toNode(stop, i));
  checkIds(nodes);
  const hasStart = input.start != null;
  if (hasStart) checkPosition(input.start, 'start');
  const pos = (k: number): LngLat => (k === START ? input.start! : nodes[k].stop.position);
  const legCache = new Map<number, LegEstimate>();
  const leg = (a: number, b: number): LegEstimate => {
    const key = (a + 1) * (nodes.length + 1) + (b + 1);
    let e = legCache.get(key);
    if (!e) legCache.set(key, (e = estimateLeg(pos(a), pos(b))));
    return e;
  };
  const metres = (a: number, b: number) => leg(a, b).distanceM;

  const fixed = nodes.filter((n) => n.stop.window).sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.index - b.index);
  const floating = nodes.filter((n) => !n.stop.window);
  let order: number[];
  if (fixed.length === 0) order = shortOpenPath(nodes.length, metres, hasStart);
  else order = insertFloating(fixed.map((n) => n.index), floating.map((n) => n.index), nodes, metres, (a, b) => leg(a, b).durationMin, hasStart);

  return assemble(order, nodes, leg, hasStart);
}

/** Cheapest insertion of floating stops into the time-ordered chain of fixed stops (see planDayRoute). */
function insertFloating(
  chain: number[],
  pending: number[],
  nodes: Node[],
  metres: (a: number, b: number) => number,
  minutes: (a: number, b: number) => number,
  hasStart: boolean,
): number[] {
  const seq = chain.slice();
  const left = pending.slice();
  while (left.length > 0) {
    let best: { li: number; at: number; fits: boolean; added: number } | null = null;
    for (let li = 0; li < left.length; li++) {
      const x = left[li];
      // `at` = index in seq before which x goes; seq.length = append at the end.
      for (let at = 0; at <= seq.length; at++) {
        const prev = at > 0 ? seq[at - 1] : hasStart ? START : null;
        const next = at < seq.length ? seq[at] : null;
        const added =
          (prev !== null ? metres(prev, x) : 0) + (next !== null ? metres(x, next) : 0) - (prev !== null && next !== null ? metres(prev, next) : 0);
        const fits = gapFits(seq, at, x, nodes, minutes);
        const better =
          !best || (fits && !best.fits) || (fits === best.fits && added < best.added - 1e-9);
        if (better) best = { li, at, fits, added };
      }
    }
    seq.splice(best!.at, 0, left[best!.li]);
    left.splice(best!.li, 1);
  }
  return seq;
}

/** Whether inserting x before seq[at] keeps the travel between the surrounding fixed visits within their gap. */
function gapFits(seq: number[], at: number, x: number, nodes: Node[], minutes: (a: number, b: number) => number): boolean {
  let lo = at - 1;
  while (lo >= 0 && !nodes[seq[lo]].stop.window) lo--;
  let hi = at;
  while (hi < seq.length && !nodes[seq[hi]].stop.window) hi++;
  if (lo < 0 || hi >= seq.length) return true; // before the first or after the last fixed visit: no clock to beat
  const run = [...seq.slice(lo, at), x, ...seq.slice(at, hi + 1)];
  let travel = 0;
  for (let i = 1; i < run.length; i++) travel += minutes(run[i - 1], run[i]);
  return travel <= (nodes[seq[hi]].startMs - nodes[seq[lo]].endMs) / MINUTE_MS;
}

function assemble(order: number[], nodes: Node[], leg: (a: number, b: number) => LegEstimate, hasStart: boolean): DayRoute {
  const legs: RouteLeg[] = [];
  const legMinutes: number[] = []; // unrounded, parallel to `order`: minutes to reach order[i]
  let dist = 0, road = 0, dur = 0;
  for (let i = hasStart ? 0 : 1; i < order.length; i++) {
    const from = i > 0 ? order[i - 1] : START;
    const e = leg(from, order[i]);
    dist += e.distanceM;
    road += e.roadDistanceM;
    dur += e.durationMin;
    legMinutes[i] = e.durationMin;
    legs.push({
      from_id: from === START ? 'start' : nodes[from].stop.id,
      to_id: nodes[order[i]].stop.id,
      distance_m: Math.round(e.distanceM),
      road_distance_m: Math.round(e.roadDistanceM),
      duration_min: round1(e.durationMin),
    });
  }

  const warnings: RouteWarning[] = [];
  let lastFixed = -1;
  for (let i = 0; i < order.length; i++) {
    const node = nodes[order[i]];
    if (!node.stop.window) continue;
    if (lastFixed >= 0) {
      const prev = nodes[order[lastFixed]];
      let travel = 0;
      for (let k = lastFixed + 1; k <= i; k++) travel += legMinutes[k];
      const gap = (node.startMs - prev.endMs) / MINUTE_MS;
      if (travel > gap) warnings.push(tightTransfer(prev, node, travel, gap, i - lastFixed - 1));
    }
    lastFixed = i;
  }

  return {
    stops: order.map((k) => ({ id: nodes[k].stop.id, position: nodes[k].stop.position, window: nodes[k].stop.window ?? null, fixed: !!nodes[k].stop.window })),
    legs,
    totals: { distance_m: Math.round(dist), road_distance_m: Math.round(road), duration_min: round1(dur) },
    warnings,
  };
}

function tightTransfer(a: Node, b: Node, travelMin: number, gapMin: number, via: number): RouteWarning {
  const viaText = via > 0 ? ` via ${via} unscheduled stop${via > 1 ? 's' : ''}` : '';
  const gapText = gapMin < 0 ? `overlaps it by ${Math.round(-gapMin)} min` : `leaves ${Math.round(gapMin)} min`;
  return {
    code: 'tight_transfer',
    params: {
      from_title: a.stop.label ?? String(a.stop.id), from_end: witaClock(a.endMs),
      to_title: b.stop.label ?? String(b.stop.id), to_start: witaClock(b.startMs),
      gap_min: Math.round(gapMin), travel_min: Math.round(travelMin), via,
    },
    message:
      `Visit ${a.stop.id} ends at ${witaClock(a.endMs)} WITA and visit ${b.stop.id} starts at ${witaClock(b.startMs)} WITA, ` +
      `which ${gapText}, but the estimated travel${viaText} is ${Math.round(travelMin)} min. Move one visit or allow more time.`,
    from_id: a.stop.id,
    to_id: b.stop.id,
  };
}

function toNode(stop: DayStop, index: number): Node {
  checkPosition(stop.position, `stops[${index}].position`);
  if (!stop.window) return { stop, index, startMs: NaN, endMs: NaN };
  const startMs = parseInstant(stop.window.start, `stops[${index}].window.start`);
  const endMs = parseInstant(stop.window.end, `stops[${index}].window.end`);
  if (endMs < startMs) {
    throw new InvalidInputError(`stops[${index}].window.end`, `window.end ${stop.window.end} is before window.start ${stop.window.start}; give an end at or after the start`, {
      code: 'ends_before_start', params: { starts_at: stop.window.start, ends_at: stop.window.end },
    });
  }
  return { stop, index, startMs, endMs };
}

function parseInstant(value: unknown, field: string): number {
  // Require an explicit offset so a bare local time is never silently read as UTC.
  const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const ms = ok ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidInputError(field, `${field} must be an ISO 8601 time with an offset, like 2025-03-04T09:00:00+08:00; got ${JSON.stringify(value)}`, {
      code: 'invalid_datetime', params: { got: gotParam(value) },
    });
  }
  return ms;
}

function checkPosition(p: unknown, field: string): void {
  const ok = Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
  if (!ok) throw new InvalidInputError(field, `${field} must be [lng, lat] with lng in -180..180 and lat in -90..90; got ${JSON.stringify(p)}`, { code: 'invalid_position', params: { got: gotParam(p) } });
}

function checkIds(nodes: Node[]): void {
  const seen = new Set<string>();
  for (const n of nodes) {
    const key = `${typeof n.stop.id}:${n.stop.id}`;
    if (n.stop.id === 'start') throw new InvalidInputError(`stops[${n.index}].id`, `stop id "start" is reserved for the start position in legs; rename the stop`, { code: 'stop_id_reserved' });
    if (seen.has(key)) throw new InvalidInputError(`stops[${n.index}].id`, `stop id ${JSON.stringify(n.stop.id)} appears twice; give each stop a unique id`, { code: 'stop_id_twice', params: { got: gotParam(n.stop.id) } });
    seen.add(key);
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function witaClock(ms: number): string {
  return new Date(ms + WITA_OFFSET_MS).toISOString().slice(11, 16);
}
