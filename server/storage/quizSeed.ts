import type { Db } from './db.js';
import { readDataJson } from './dataFiles.js';
import { getMeta, setMeta } from './meta.js';
import { QuizBankStore, type QuestionContent } from './quizBank.js';

interface QuizFile {
  version: string;
  questions: (QuestionContent & { id: string })[];
}

/**
 * Seeds the shipped quiz (data/quiz_bank.json) once, into an empty quiz bank, so databases created before the
 * event companion get it too. Planners' edits are never overwritten: once seeded, the file is not read again.
 */
export function seedQuizBankOnce(db: Db, dataDir: string, now: Date): boolean {
  if (getMeta(db, 'quiz_seed_version')) return false;
  const file = readDataJson<QuizFile>(dataDir, 'quiz_bank.json');
  const store = new QuizBankStore(db);
  db.transaction(() => {
    if (store.count() === 0) {
      file.questions.forEach((q, i) => store.insert(q.id, q, true, i + 1, now.toISOString(), null));
    }
    setMeta(db, 'quiz_seed_version', file.version);
  })();
  return true;
}
