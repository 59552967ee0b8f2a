import type { Db } from '../../storage/db.js';
import { QuizBankStore } from '../../storage/quizBank.js';
import { checkQuestion, type QuestionInput } from '../../domain/events/questionInput.js';
import type { QuizQuestion } from '../../domain/events/quiz.js';
import { NotFoundError } from '../../errors.js';
import { reauthorize, type Actor, type AuditService } from '../audit.js';

/** What anyone may see of a question: no answer, no explanation (those would spoil the pre-test). */
export interface PublicQuestion {
  id: string;
  version: number;
  text: string;
  choices: { id: string; text: string }[];
}

export type QuestionPatch = Partial<QuestionInput> & { active?: boolean; position?: number };

/** The quiz bank: public questions for the event page, and the planners' editing (audited, versioned). */
export class QuizBankService {
  readonly store: QuizBankStore;

  constructor(private readonly db: Db, private readonly audit: AuditService, private readonly now: () => Date) {
    this.store = new QuizBankStore(db);
  }

  /** The active questions without answers, in display order. */
  publicList(): PublicQuestion[] {
    return this.store.list().filter((q) => q.active).map(({ id, version, text, choices }) => ({ id, version, text, choices }));
  }

  /** Every question (inactive too) with answer, explanation and source, for planners. */
  plannerList(includeInactive: boolean): QuizQuestion[] {
    return this.store.list().filter((q) => includeInactive || q.active);
  }

  /** The active questions by id (the scoring key). */
  activeKey(): Map<string, QuizQuestion> {
    return new Map(this.store.list().filter((q) => q.active).map((q) => [q.id, q]));
  }

  /** The explanations shown after a post-test (same for everyone: answers are public once the post-test is done). */
  get(id: string): QuizQuestion {
    const q = this.store.get(id);
    if (!q) throw new NotFoundError(`No quiz question ${id.slice(0, 20)}`, 'id');
    return q;
  }

  create(input: QuestionInput & { active?: boolean; position?: number }, actor: Actor): QuizQuestion {
    const q = checkQuestion(input);
    return this.db.transaction(() => {
      reauthorize(actor);
      const id = this.store.nextId();
      this.store.insert(id, q, input.active ?? true, input.position ?? this.store.count() + 1, this.now().toISOString(), actor.id);
      const saved = this.store.get(id)!;
      this.audit.record(actor, 'create', 'quiz_question', null, null, saved);
      return saved;
    })();
  }

  /** Changes a question: content in place while unanswered, else as a new version; active/position never need one. */
  update(id: string, patch: QuestionPatch, actor: Actor): QuizQuestion {
    return this.db.transaction(() => {
      reauthorize(actor);
      const before = this.get(id);
      const touchesContent = (['text', 'choices', 'answer', 'explanation', 'source'] as const).some((k) => patch[k] !== undefined);
      if (touchesContent) {
        const merged = checkQuestion({
          text: patch.text ?? before.text, choices: patch.choices ?? before.choices, answer: patch.answer ?? before.answer,
          explanation: patch.explanation ?? before.explanation, source: patch.source ?? before.source,
        });
        this.store.revise(id, merged, this.now().toISOString(), actor.id);
      }
      this.store.setFlags(id, patch.active ?? before.active, patch.position ?? before.position);
      const after = this.store.get(id)!;
      this.audit.record(actor, 'update', 'quiz_question', null, before, after);
      return after;
    })();
  }

  /** Removes a never-answered question; an answered one is only deactivated (its versions stay for old scores). */
  remove(id: string, actor: Actor): { id: string; deleted: boolean; active: boolean } {
    return this.db.transaction(() => {
      reauthorize(actor);
      const before = this.get(id);
      if (this.store.everAnswered(id)) {
        this.store.setFlags(id, false, before.position);
        this.audit.record(actor, 'update', 'quiz_question', null, before, this.store.get(id));
        return { id, deleted: false, active: false };
      }
      this.store.delete(id);
      this.audit.record(actor, 'delete', 'quiz_question', null, before, null);
      return { id, deleted: true, active: false };
    })();
  }
}
