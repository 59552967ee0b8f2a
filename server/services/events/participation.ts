/**
 * Participation in an event (a visit occurrence): check-ins, pre-/post-test answers and feedback from phones or
 * typed by a facilitator. Every write is idempotent per participant (a check-in repeat changes nothing, a quiz or
 * feedback repeat replaces), so a phone's offline queue can resend safely.
 */
import type { Db } from '../../storage/db.js';
import type { EventStore, EventVisitRow, Via } from '../../storage/events.js';
import type { PointStore } from '../../storage/points.js';
import { eventWindow, type EventWindow } from '../../domain/events/window.js';
import { scoreAnswers, type QuizPhase, type QuizScore } from '../../domain/events/quiz.js';
import { assertNoNik } from '../../domain/privacy/nik.js';
import { witaDate } from '../../domain/schedule/wita.js';
import { HttpError, NotFoundError, ValidationError, tooManyRequests } from '../../errors.js';
import type { VisitLookup, VisitOccurrenceRef } from '../visitLookup.js';
import type { VillageService } from '../villages.js';
import type { QuizBankService } from './quizBank.js';
import { venueDistrict } from '../venueDistrict.js';
import { SlidingWindow } from '../rateLimit.js';
import { noPublicVisit } from '../visitIds.js';

/** Most participants one event may collect (a village sosialisasi has tens to a few hundred). */
export const MAX_PARTICIPANTS = 1000;
/** Public writes one client may send per window (a phone needs about five; a shared connection more). */
export const EVENT_WRITES_PER_CLIENT = 120;
export const EVENT_WRITE_WINDOW_MS = 10 * 60 * 1000;
export const FEEDBACK_COMMENT_MAX = 500;

/** Who is writing: a phone (rate-limited per client address) or a signed-in planner typing paper sheets. */
export interface Writer {
  via: Via;
  /** Rate-limit key (the client address); used in memory only, never stored. */
  clientKey: string;
}

export interface ReviewItem {
  id: string;
  text: string;
  choice: string | null;
  answer: string;
  correct: boolean;
  explanation: string;
}

export class ParticipationService {
  private readonly perClient: SlidingWindow;

  constructor(
    private readonly db: Db,
    private readonly store: EventStore,
    private readonly quiz: QuizBankService,
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly visits: () => VisitLookup,
    private readonly now: () => Date,
  ) {
    this.perClient = new SlidingWindow(EVENT_WRITES_PER_CLIENT, EVENT_WRITE_WINDOW_MS, now);
  }

  /** The visit occurrence `visitId`; 404 for an unknown id or a whole series. */
  occurrence(visitId: string): VisitOccurrenceRef {
    const v = this.visits().occurrence(visitId);
    if (!v) throw noPublicVisit(visitId);
    if (v === 'series') throw new NotFoundError(`${visitId.slice(0, 60)} is a whole series; use one occurrence, like ${visitId.slice(0, 40)}:YYYY-MM-DD`, 'id');
    return v;
  }

  /**
   * Whether the event accepts participation now, and when it opens and closes. 404 for what the public may not see
   * (a draft, a never-published cancellation, a visit at a retired point), as on GET /api/visits/:id.
   */
  window(visitId: string): EventWindow & { visit_id: string } {
    const visit = this.occurrence(visitId);
    if (!this.visits().isPublic(visitId)) throw noPublicVisit(visitId);
    return { visit_id: visitId, ...eventWindow(visit, this.now()) };
  }

  /**
   * The visit if it accepts participation now: 404 unknown, 409 outside the window or not scheduled,
   * 429 past the per-client limit (phones only). Records the visit's date and venue for the impact page.
   */
  private openEvent(visitId: string, writer: Writer): EventVisitRow {
    const visit = this.occurrence(visitId);
    const point = this.points.get(visit.point_id);
    // A phone gets 404 for a visit the public may not see (a 409 would confirm a draft exists); nobody joins a
    // visit at a retired point. A facilitator (planner) still gets the 409 that says why a draft is closed.
    if (!point || point.status === 'retired' || (writer.via === 'phone' && !this.visits().isPublic(visitId))) {
      throw noPublicVisit(visitId);
    }
    const w = eventWindow(visit, this.now());
    if (!w.open) {
      const messages = {
        event_not_scheduled: `Visit ${visitId} is ${visit.status}; only a scheduled visit takes check-ins, answers and feedback`,
        event_not_open_yet: `Visit ${visitId} opens for participants at ${w.opens_at} (2 h before it starts)`,
        event_window_closed: `Visit ${visitId} closed for participants at ${w.closes_at} (24 h after it ended)`,
      };
      const params: Record<string, string> = w.reason === 'event_not_scheduled' ? { status: visit.status } : w.reason === 'event_not_open_yet' ? { opens_at: w.opens_at } : { closes_at: w.closes_at };
      throw new HttpError(409, messages[w.reason], { field: 'id', code: w.reason, params });
    }
    if (writer.via === 'phone') {
      const wait = this.perClient.take(writer.clientKey);
      if (wait > 0) {
        throw tooManyRequests(`Too many answers from this connection; try again in ${wait} s`, wait, 'rate_limited');
      }
    }
    return {
      visit_id: visitId, visit_date: witaDate(new Date(visit.starts_at)), point_id: point.id,
      district_code: venueDistrict(this.villages, point.village_code, point.position), ends_at: new Date(visit.ends_at).toISOString(),
    };
  }

  /** Checks `participant` in, inside the caller's transaction; 409 `event_full` past MAX_PARTICIPANTS new ones. */
  private join(ev: EventVisitRow, participant: string, via: Via, at: string): boolean {
    this.store.ensureVisit(ev);
    if (!this.store.isParticipant(ev.visit_id, participant) && this.store.participantCount(ev.visit_id) >= MAX_PARTICIPANTS) {
      throw new HttpError(409, `Visit ${ev.visit_id} already has ${MAX_PARTICIPANTS} participants`, { field: 'participant', code: 'event_full', params: { max: MAX_PARTICIPANTS } });
    }
    return this.store.checkin(ev.visit_id, participant, via, at);
  }

  /** Checks a participant in; `created` false when they already were (the route answers 200 instead of 201). */
  checkin(visitId: string, participant: string, writer: Writer): { created: boolean } {
    const ev = this.openEvent(visitId, writer);
    const at = this.now().toISOString();
    return { created: this.db.transaction(() => this.join(ev, participant, writer.via, at))() };
  }

  /**
   * Scores and stores one participant's answers in one phase (a repeat replaces the earlier ones); answering
   * also checks the participant in. After the post-test the answer returns the review: right answers and why.
   */
  answer(visitId: string, input: { participant: string; phase: QuizPhase; answers: Record<string, string> }, writer: Writer): QuizScore & { review?: ReviewItem[] } {
    const ev = this.openEvent(visitId, writer);
    const key = this.quiz.activeKey();
    const { score, scored } = scoreAnswers(input.answers, key);
    if (scored.length === 0) throw new ValidationError('answers', 'answers is empty; send at least one {"question id": "choice id"}', { code: 'invalid', params: {} });
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.join(ev, input.participant, writer.via, at);
      this.store.replaceSubmission({ visit_id: visitId, participant: input.participant, phase: input.phase, via: writer.via, correct: score.correct, total: score.total, at }, scored);
    })();
    if (input.phase !== 'post') return score;
    const review = [...key.values()].map((q) => ({
      id: q.id, text: q.text, choice: input.answers[q.id] ?? null, answer: q.answer, correct: input.answers[q.id] === q.answer, explanation: q.explanation,
    }));
    return { ...score, review };
  }

  /** Stores a participant's feedback (a repeat replaces it); a comment holding a NIK-like number is refused. */
  feedback(visitId: string, input: { participant: string; score: number; comment?: string | null }, writer: Writer): void {
    const comment = input.comment?.trim() || null;
    assertNoNik('comment', comment);
    const ev = this.openEvent(visitId, writer);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.join(ev, input.participant, writer.via, at);
      this.store.putFeedback({ visit_id: visitId, participant: input.participant, score: input.score, comment, at });
    })();
  }

  /** Records the visit's date and venue (inside the caller's transaction). */
  ensureVisit(ev: EventVisitRow): void {
    this.store.ensureVisit(ev);
  }

  /** Exposes the open-event check for the interest service (same window, same limits). */
  openForInterest(visitId: string, writer: Writer): EventVisitRow {
    return this.openEvent(visitId, writer);
  }
}
