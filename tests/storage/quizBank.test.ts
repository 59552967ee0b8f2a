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

  it('names real fields of the data files as each question\'s source', () => {
    for (const q of shipped.questions) {
      for (const part of q.source.split(';')) {
        const [file, paths] = part.trim().split(': ');
        const data = JSON.parse(readFileSync(`data/${file}`, 'utf8')) as Record<string, unknown>;
        for (const path of paths.split(', ')) {
          // "programs.JKK.rate" or "programs[JKK]" (an array entry by id): the top-level key must exist, and the entry too.
          const m = /^(\w+)(?:\[(\w+)\])?((?:\.\w+)*)$/.exec(path.trim());
          expect(m, `${q.id}: ${path}`).not.toBeNull();
          let node: unknown = data[m![1]];
          expect(node, `${q.id}: ${path}`).toBeDefined();
          if (m![2]) node = (node as { id: string }[]).find((e) => e.id === m![2]);
          for (const key of m![3].split('.').filter(Boolean)) node = (node as Record<string, unknown>)[key];
          expect(node, `${q.id}: ${path}`).toBeDefined();
        }
      }
    }
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
