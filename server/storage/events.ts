import type { Db } from './db.js';
import type { QuizPhase, ScoredAnswer } from '../domain/events/quiz.js';
import type { AnswerSheet } from '../domain/events/stats.js';

/** Who entered a record: the participant's own phone, or a planner typing a paper sheet (facilitator mode). */
export type Via = 'phone' | 'facilitator';

/** What the impact page needs about a visit that had participation, copied from the visit at the first write. */
export interface EventVisitRow {
  visit_id: string;
  visit_date: string;
  point_id: number;
  district_code: string;
  /** ISO 8601 UTC. */
  ends_at: string;
}

/** Participation counts of one event, split by who entered them. */
export interface EventCounts {
  checkins: { phone: number; facilitator: number };
  pre: { phone: number; facilitator: number };
  post: { phone: number; facilitator: number };
  feedback: number;
}

interface AnswerRow { participant: string; phase: QuizPhase; question_id: string; correct: number }

/** SQL for check-ins, quiz submissions and feedback (migrations 071–073). No names: participants are random codes. */
export class EventStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      ensureVisit: db.prepare(
        `INSERT INTO event_visits (visit_id, visit_date, point_id, district_code, ends_at) VALUES (@visit_id, @visit_date, @point_id, @district_code, @ends_at)
         ON CONFLICT (visit_id) DO UPDATE SET visit_date = excluded.visit_date, point_id = excluded.point_id,
           district_code = excluded.district_code, ends_at = excluded.ends_at`,
      ),
      visit: db.prepare<[string], EventVisitRow>('SELECT * FROM event_visits WHERE visit_id = ?'),
      visitsInRange: db.prepare<[string, string], EventVisitRow>('SELECT * FROM event_visits WHERE visit_date BETWEEN ? AND ? ORDER BY visit_date, visit_id'),
      checkin: db.prepare<[string, string, Via, string]>('INSERT OR IGNORE INTO event_checkins (visit_id, participant, via, created_at) VALUES (?, ?, ?, ?)'),
      participants: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM event_checkins WHERE visit_id = ?'),
      isParticipant: db.prepare<[string, string], { n: number }>('SELECT EXISTS (SELECT 1 FROM event_checkins WHERE visit_id = ? AND participant = ?) AS n'),
      deleteSubmission: db.prepare<[string, string, QuizPhase]>('DELETE FROM quiz_submissions WHERE visit_id = ? AND participant = ? AND phase = ?'),
      insertSubmission: db.prepare(
        `INSERT INTO quiz_submissions (visit_id, participant, phase, via, correct, total, submitted_at)
         VALUES (@visit_id, @participant, @phase, @via, @correct, @total, @at)`,
      ),
      insertAnswer: db.prepare(
        `INSERT INTO quiz_answers (visit_id, participant, phase, question_id, question_version, choice, correct)
         VALUES (@visit_id, @participant, @phase, @question_id, @question_version, @choice, @correct)`,
      ),
      answers: db.prepare<[string], AnswerRow>(
        'SELECT participant, phase, question_id, correct FROM quiz_answers WHERE visit_id = ? ORDER BY participant, phase, question_id',
      ),
      feedback: db.prepare(
        `INSERT INTO event_feedback (visit_id, participant, score, comment, created_at) VALUES (@visit_id, @participant, @score, @comment, @at)
         ON CONFLICT (visit_id, participant) DO UPDATE SET score = excluded.score, comment = excluded.comment, created_at = excluded.created_at`,
      ),
      feedbackScores: db.prepare<[string], { score: number }>('SELECT score FROM event_feedback WHERE visit_id = ?'),
      checkinCounts: db.prepare<[string], { via: Via; n: number }>('SELECT via, COUNT(*) AS n FROM event_checkins WHERE visit_id = ? GROUP BY via'),
      submissionCounts: db.prepare<[string], { phase: QuizPhase; via: Via; n: number }>(
        'SELECT phase, via, COUNT(*) AS n FROM quiz_submissions WHERE visit_id = ? GROUP BY phase, via',
      ),
    };
  }

  /** Records (or refreshes) the visit's date, venue and end. Call inside the write's transaction. */
  ensureVisit(v: EventVisitRow): void {
    this.s.ensureVisit.run(v);
  }

  visit(visitId: string): EventVisitRow | undefined {
    return this.s.visit.get(visitId);
  }

  /** Visits with participation on WITA days from..to (inclusive). */
  visitsBetween(from: string, to: string): EventVisitRow[] {
    return this.s.visitsInRange.all(from, to);
  }

  /** Checks a participant in; false when they already were (nothing changes). */
  checkin(visitId: string, participant: string, via: Via, at: string): boolean {
    return this.s.checkin.run(visitId, participant, via, at).changes === 1;
  }

  isParticipant(visitId: string, participant: string): boolean {
    return this.s.isParticipant.get(visitId, participant)!.n === 1;
  }

  /** How many participants checked in. */
  participantCount(visitId: string): number {
    return this.s.participants.get(visitId)!.n;
  }

  /** Stores one participant's answers in one phase, replacing earlier ones. Call inside a transaction. */
  replaceSubmission(
    sub: { visit_id: string; participant: string; phase: QuizPhase; via: Via; correct: number; total: number; at: string },
    answers: readonly ScoredAnswer[],
  ): void {
    this.s.deleteSubmission.run(sub.visit_id, sub.participant, sub.phase);
    this.s.insertSubmission.run(sub);
    for (const a of answers) {
      this.s.insertAnswer.run({ visit_id: sub.visit_id, participant: sub.participant, phase: sub.phase, question_id: a.question_id,
        question_version: a.question_version, choice: a.choice, correct: a.correct ? 1 : 0 });
    }
  }

  /** Every answer sheet of an event (one per participant and phase). */
  sheets(visitId: string): AnswerSheet[] {
    const out = new Map<string, AnswerSheet>();
    for (const r of this.s.answers.all(visitId)) {
      const key = `${r.participant}\u0000${r.phase}`;
      let sheet = out.get(key);
      if (!sheet) out.set(key, (sheet = { participant: r.participant, phase: r.phase, answers: [] }));
      sheet.answers.push({ question_id: r.question_id, correct: r.correct === 1 });
    }
    return [...out.values()];
  }

  /** Stores a participant's feedback, replacing an earlier one. */
  putFeedback(f: { visit_id: string; participant: string; score: number; comment: string | null; at: string }): void {
    this.s.feedback.run(f);
  }

  feedbackScores(visitId: string): number[] {
    return this.s.feedbackScores.all(visitId).map((r) => r.score);
  }

  counts(visitId: string): EventCounts {
    const out: EventCounts = { checkins: { phone: 0, facilitator: 0 }, pre: { phone: 0, facilitator: 0 }, post: { phone: 0, facilitator: 0 }, feedback: 0 };
    for (const r of this.s.checkinCounts.all(visitId)) out.checkins[r.via] = r.n;
    for (const r of this.s.submissionCounts.all(visitId)) out[r.phase][r.via] = r.n;
    out.feedback = this.s.feedbackScores.all(visitId).length;
    return out;
  }
}
