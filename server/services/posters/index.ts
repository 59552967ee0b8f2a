/**
 * Printable A4 posters for the banjar notice board (issue 10): one per public visit occurrence, one per village.
 * Generated per request from public data only (a draft or cancelled visit is a 404, never a poster), and kept in
 * a small in-memory cache keyed by a hash of the poster's content, so repeated prints cost one render.
 */
import { createHash } from 'node:crypto';
import { NotFoundError, tooManyRequests } from '../../errors.js';
import { SlidingWindow } from '../rateLimit.js';
import type { PointStore } from '../../storage/points.js';
import type { VillageService } from '../villages.js';
import type { VisitService } from '../visits.js';
import {
  villagePoster, visitPoster, type PosterFacts, type PosterModel, type PosterVillage, type PosterVisit,
} from '../../domain/posters/posterText.js';
import { renderPosterPdf } from './pdf.js';
import { witaDate } from '../../domain/schedule/wita.js';
import { addDays } from '../../domain/calendar/dates.js';
import { noPublicVisit } from '../visitIds.js';

/** How far ahead a village poster lists visits (days), and at most how many. */
export const VILLAGE_POSTER_DAYS = 60;
export const VILLAGE_POSTER_MAX_VISITS = 5;
/** Rendered PDFs kept (each ~10–20 KB). */
const CACHE_ENTRIES = 64;
/** New renders (cache misses) one client may cause per window: enough to print every village's poster, not to burn the CPU. */
export const POSTER_RENDERS_PER_CLIENT = 100;
export const POSTER_RENDER_WINDOW_MS = 10 * 60 * 1000;

/** A rendered poster: the bytes and a strong ETag (the content hash). */
export interface RenderedPoster {
  pdf: Buffer;
  etag: string;
}

type Json = Record<string, unknown>;

/** The poster facts from the two data files; throws at start-up when a number the poster prints is missing. */
export function posterFacts(rules: Json, guide: Json): PosterFacts {
  const min = (rules.minimum_monthly ?? {}) as Json;
  if (typeof min.JKK_plus_JKM_idr !== 'number') throw new Error('bpjstk_bpu_contribution_rules.json: minimum_monthly.JKK_plus_JKM_idr is missing');
  const items = (key: string) => (Array.isArray(guide[key]) ? (guide[key] as Json[]) : []).map((x) => String(x.id_text ?? '')).filter(Boolean);
  const privacy = (guide.privacy as Json | undefined)?.id_text;
  return {
    whatToBring: items('what_to_bring'),
    channels: items('channels'),
    privacy: typeof privacy === 'string' ? privacy : null,
    minMonthlyIdr: min.JKK_plus_JKM_idr,
    withJhtMonthlyIdr: typeof min.JKK_JKM_JHT_idr_at_lowest_income === 'number' ? min.JKK_JKM_JHT_idr_at_lowest_income : null,
  };
}

export class PosterService {
  private readonly cache = new Map<string, Buffer>();
  private readonly renders: SlidingWindow;

  constructor(
    private readonly visits: VisitService,
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly facts: PosterFacts,
    private readonly now: () => Date,
  ) {
    this.renders = new SlidingWindow(POSTER_RENDERS_PER_CLIENT, POSTER_RENDER_WINDOW_MS, now);
  }

  /** The poster of one published, scheduled visit occurrence (`v7`, `s12:2026-12-07`); 404 for anything else. */
  async visit(id: string, origin: string, clientKey: string): Promise<RenderedPoster> {
    const record = this.visits.get(id, false); // 400 malformed id; 404 unknown or draft
    if (record.kind === 'series') throw new NotFoundError(`${id} is a whole series; a poster is for one occurrence, e.g. ${id}:YYYY-MM-DD`, 'id', 'poster_needs_occurrence');
    if (record.status !== 'scheduled') throw noPublicVisit(id);
    const point = this.points.get(record.point_id);
    const village = this.posterVillage(point?.village_code ?? record.village_code);
    const v: PosterVisit = {
      startsAt: record.starts_at, endsAt: record.ends_at, title: record.title, activities: record.activities,
      placeName: record.point_name ?? point?.name ?? '', address: point?.address ?? null,
    };
    // record.id passed parseVisitRef (v7, s12:2026-12-07): safe in a URL fragment as it is.
    return this.render(visitPoster(v, village, this.facts, `${origin}/#/acara/${record.id}`), clientKey);
  }

  /** The poster of a village: its next public visits within 60 days (at most 5); 404 for an unknown code. */
  async village(code: string, origin: string, clientKey: string): Promise<RenderedPoster> {
    const village = this.posterVillage(code);
    if (!village) throw new NotFoundError(`No village with code ${code}`, 'code', 'village_unknown', { got: code });
    const now = this.now();
    const from = witaDate(now);
    const { visits } = this.visits.list({ from, to: addDays(from, VILLAGE_POSTER_DAYS - 1), village_code: code, limit: 200 }, false);
    const upcoming = visits
      .filter((v) => v.status === 'scheduled' && new Date(v.ends_at).getTime() > now.getTime())
      .slice(0, VILLAGE_POSTER_MAX_VISITS)
      .map((v): PosterVisit => ({ startsAt: v.starts_at, endsAt: v.ends_at, title: v.title, activities: v.activities, placeName: v.point_name ?? '', address: null }));
    return this.render(villagePoster(village, upcoming, this.facts, `${origin}/#/desa/${code}`), clientKey);
  }

  private posterVillage(code: string | null): PosterVillage | null {
    const v = code ? this.villages.get(code) : undefined;
    return v ? { name: v.name, kind: v.kind, districtName: v.district_name } : null;
  }

  /** The cached PDF of `model`, or a new render counted against `clientKey` (429 with retry_after_s past the limit). */
  private async render(model: PosterModel, clientKey: string): Promise<RenderedPoster> {
    const etag = createHash('sha256').update(JSON.stringify(model)).digest('base64url').slice(0, 27);
    let pdf = this.cache.get(etag);
    if (!pdf) {
      const wait = this.renders.take(clientKey);
      if (wait > 0) {
        throw tooManyRequests(`Too many new posters from this device; try again in ${Math.ceil(wait / 60)} minute(s)`, wait, 'rate_limited');
      }
      pdf = await renderPosterPdf(model);
      if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(etag, pdf);
    }
    return { pdf, etag };
  }
}
