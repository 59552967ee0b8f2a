import type { Db } from './db.js';
import type { QuizChoice, QuizQuestion } from '../domain/events/quiz.js';

interface Row {
  id: string; version: number; text: string; choices: string; answer: string; explanation: string; source: string;
  active: number; position: number;
}

const fromRow = (r: Row): QuizQuestion => ({
  id: r.id, version: r.version, text: r.text, choices: JSON.parse(r.choices) as QuizChoice[], answer: r.answer,
  explanation: r.explanation, source: r.source, active: r.active === 1, position: r.position,
});

/** The content of one question version. */
export type QuestionContent = Pick<QuizQuestion, 'text' | 'choices' | 'answer' | 'explanation' | 'source'>;

const CURRENT = `SELECT q.id, v.version, v.text, v.choices, v.answer, v.explanation, v.source, q.active, q.position
  FROM quiz_questions q JOIN quiz_question_versions v ON v.question_id = q.id AND v.version = q.current_version`;

/** SQL for the quiz bank (migration 070): questions with versions; an answered version is never updated in place. */
export class QuizBankStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      all: db.prepare<[], Row>(`${CURRENT} ORDER BY q.position, q.id`),
      one: db.prepare<[string], Row>(`${CURRENT} WHERE q.id = ?`),
      version: db.prepare<[string, number], Row>(
        `SELECT q.id, v.version, v.text, v.choices, v.answer, v.explanation, v.source, q.active, q.position
         FROM quiz_question_versions v JOIN quiz_questions q ON q.id = v.question_id WHERE v.question_id = ? AND v.version = ?`,
      ),
      answered: db.prepare<[string, number], { n: number }>('SELECT EXISTS (SELECT 1 FROM quiz_answers WHERE question_id = ? AND question_version = ?) AS n'),
      answeredAny: db.prepare<[string], { n: number }>('SELECT EXISTS (SELECT 1 FROM quiz_answers WHERE question_id = ?) AS n'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM quiz_questions'),
      maxNum: db.prepare<[], { n: number | null }>(`SELECT MAX(CAST(substr(id, 2) AS INTEGER)) AS n FROM quiz_questions WHERE id GLOB 'q[0-9]*'`),
      insertQ: db.prepare('INSERT INTO quiz_questions (id, current_version, active, position) VALUES (@id, 1, @active, @position)'),
      insertV: db.prepare(
        `INSERT INTO quiz_question_versions (question_id, version, text, choices, answer, explanation, source, created_at, created_by)
         VALUES (@id, @version, @text, @choices, @answer, @explanation, @source, @at, @by)`,
      ),
      updateV: db.prepare(
        `UPDATE quiz_question_versions SET text = @text, choices = @choices, answer = @answer, explanation = @explanation, source = @source,
           created_at = @at, created_by = @by WHERE question_id = @id AND version = @version`,
      ),
      setCurrent: db.prepare<[number, string]>('UPDATE quiz_questions SET current_version = ? WHERE id = ?'),
      setFlags: db.prepare<[number, number, string]>('UPDATE quiz_questions SET active = ?, position = ? WHERE id = ?'),
      deleteQ: db.prepare<[string]>('DELETE FROM quiz_questions WHERE id = ?'),
    };
  }

  /** Every question at its current version, in display order. */
  list(): QuizQuestion[] {
    return this.s.all.all().map(fromRow);
  }

  get(id: string): QuizQuestion | undefined {
    const r = this.s.one.get(id);
    return r && fromRow(r);
  }

  /** One stored version (for showing the key of an old answer). */
  getVersion(id: string, version: number): QuizQuestion | undefined {
    const r = this.s.version.get(id, version);
    return r && fromRow(r);
  }

  count(): number {
    return this.s.count.get()!.n;
  }

  /** The next free id of the form q<n>. */
  nextId(): string {
    return `q${(this.s.maxNum.get()?.n ?? 0) + 1}`;
  }

  /** Adds a question at version 1. Call inside a transaction with its audit record. */
  insert(id: string, c: QuestionContent, active: boolean, position: number, at: string, by: number | null): void {
    this.s.insertQ.run({ id, active: active ? 1 : 0, position });
    this.s.insertV.run({ id, version: 1, ...content(c), at, by });
  }

  /**
   * Changes a question's content: in place while its current version has no answers, otherwise as a new version
   * (old answers keep pointing at theirs). Returns the version that now holds the content.
   */
  revise(id: string, c: QuestionContent, at: string, by: number | null): number {
    const current = this.get(id)!;
    if (this.s.answered.get(id, current.version)!.n === 0) {
      this.s.updateV.run({ id, version: current.version, ...content(c), at, by });
      return current.version;
    }
    const version = current.version + 1;
    this.s.insertV.run({ id, version, ...content(c), at, by });
    this.s.setCurrent.run(version, id);
    return version;
  }

  setFlags(id: string, active: boolean, position: number): void {
    this.s.setFlags.run(active ? 1 : 0, position, id);
  }

  /** Whether any version of the question has been answered. */
  everAnswered(id: string): boolean {
    return this.s.answeredAny.get(id)!.n === 1;
  }

  /** Removes a question that was never answered. */
  delete(id: string): void {
    this.s.deleteQ.run(id);
  }
}

function content(c: QuestionContent) {
  return { text: c.text, choices: JSON.stringify(c.choices), answer: c.answer, explanation: c.explanation, source: c.source };
}
