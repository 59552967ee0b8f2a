import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeTestApp } from '../helpers/app.js';
import { QuizBankStore } from '../../server/storage/quizBank.js';
import { EventStore } from '../../server/storage/events.js';
import { seedQuizBankOnce } from '../../server/storage/quizSeed.js';

const shipped = JSON.parse(readFileSync('data/quiz_bank.json', 'utf8')) as { questions: { id: string; choices: { id: string; text: string }[]; answer: string; source: string }[] };

describe('quiz bank storage', () => {
  it('seeds the shipped questions from data/quiz_bank.json, each with a source and a "Tidak tahu" choice that is not the answer', () => {
    const t = makeTestApp();
    const bank = new QuizBankStore(t.db).list();
    expect(bank.map((q) => q.id)).toEqual(shipped.questions.map((q) => q.id));
    expect(bank.length).toBeGreaterThanOrEqual(5);
    expect(bank.length).toBeLessThanOrEqual(8);
    for (const q of bank) {
      expect(q.source.length).toBeGreaterThan(10);
      expect(q.choices.find((c) => c.id === 'x')?.text).toBe('Tidak tahu');
      expect(q.answer).not.toBe('x');
      expect(q.choices.some((c) => c.id === q.answer)).toBe(true);
    }
    // Seeding again changes nothing.
    expect(seedQuizBankOnce(t.db, t.config.dataDir, new Date())).toBe(false);
  });

  it('edits an unanswered question in place but makes a new version once it has been answered', () => {
    const t = makeTestApp();
    const store = new QuizBankStore(t.db);
    const q1 = store.get('q1')!;
    expect(store.revise('q1', { ...q1, text: 'Iuran paling sedikit?' }, '2026-11-25T00:00:00Z', null)).toBe(1);
    const events = new EventStore(t.db);
    t.db.transaction(() => {
      events.ensureVisit({ visit_id: 'v1', visit_date: '2026-11-25', point_id: 1, district_code: '51.06.01', ends_at: '2026-11-25T03:00:00Z' });
      events.replaceSubmission({ visit_id: 'v1', participant: 'p-abcdefgh', phase: 'pre', via: 'phone', correct: 1, total: 1, at: '2026-11-25T01:00:00Z' },
        [{ question_id: 'q1', question_version: 1, choice: 'b', correct: true }]);
    })();
    expect(store.revise('q1', { ...q1, text: 'Berapa iuran terendah?' }, '2026-11-25T02:00:00Z', null)).toBe(2);
    expect(store.get('q1')!.text).toBe('Berapa iuran terendah?');
    expect(store.getVersion('q1', 1)!.text).toBe('Iuran paling sedikit?');
  });
});
