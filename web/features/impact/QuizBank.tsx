import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson, sendJson } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import type { QuizQuestion } from './types';

/** A question as planners see it: with answer, explanation, source and whether it is in the quiz. */
type Question = QuizQuestion & Required<Pick<QuizQuestion, 'answer' | 'explanation' | 'source' | 'active'>>;

/**
 * "Bank soal": the event quiz for planners. Change a question's text, choices, right answer or explanation (an
 * answered question gets a new version, so old scores keep their meaning) or take it out of the quiz.
 */
export function QuizBank() {
  const { t } = useTranslation('impact');
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['quiz', 'all'],
    queryFn: ({ signal }) => getJson<{ questions: Question[] }>('/api/quiz', { all: 'true' }, signal).then((r) => r.questions),
    staleTime: 0,
  });
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Question> }) => sendJson<Question>('PATCH', `/api/quiz/questions/${id}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['quiz'] });
      setEditing(null);
    },
  });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card stack quiz-bank" aria-labelledby="quiz-bank-title">
      <h2 id="quiz-bank-title">{t('quizBank.title')}</h2>
      <p className="muted impact-note">{t('quizBank.note')}</p>
      {list.isError && <p role="alert" className="error-text"><ApiErrorText error={list.error} /></p>}
      {save.isError && <p role="alert" className="error-text"><ApiErrorText error={save.error} /></p>}
      <ol className="quiz-bank__list">
        {list.data?.map((q) => (
          <li key={q.id} className={q.active ? '' : 'quiz-bank__off'} data-question={q.id}>
            {editing === q.id ? (
              <QuestionEditor q={q} busy={save.isPending} onCancel={() => setEditing(null)} onSave={(body) => save.mutate({ id: q.id, body })} />
            ) : (
              <div className="stack quiz-bank__q">
                <p><strong>{q.text}</strong> <span className="muted">({q.id}, v{q.version}{q.active ? '' : `, ${t('quizBank.inactive')}`})</span></p>
                <ul>
                  {q.choices.map((c) => <li key={c.id}>{c.id === q.answer ? <strong>✓ {c.text}</strong> : c.text}</li>)}
                </ul>
                <p className="muted">{q.explanation}</p>
                <p className="muted quiz-bank__source">{t('quizBank.source', { source: q.source })}</p>
                <div className="quiz-bank__actions">
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(q.id)}>{t('quizBank.edit')}</button>
                  <button type="button" className="btn btn--ghost btn--small" disabled={save.isPending} onClick={() => save.mutate({ id: q.id, body: { active: !q.active } })}>
                    {q.active ? t('quizBank.deactivate') : t('quizBank.activate')}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function QuestionEditor({ q, busy, onSave, onCancel }: { q: Question; busy: boolean; onSave: (b: Partial<Question>) => void; onCancel: () => void }) {
  const { t } = useTranslation('impact');
  const [text, setText] = useState(q.text);
  const [choices, setChoices] = useState(q.choices);
  const [answer, setAnswer] = useState(q.answer);
  const [explanation, setExplanation] = useState(q.explanation);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ text, choices, answer, explanation });
  };
  const id = (k: string) => `qb-${q.id}-${k}`;
  return (
    <form className="stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id('text')}>{t('quizBank.text')}</label>
        <input id={id('text')} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
      </div>
      {choices.map((c, i) => (
        <div className="field" key={c.id}>
          <label htmlFor={id(`c-${c.id}`)}>{t('quizBank.choice', { id: c.id.toUpperCase() })}</label>
          <input id={id(`c-${c.id}`)} value={c.text} maxLength={120} readOnly={c.id === 'x'}
            onChange={(e) => setChoices(choices.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
        </div>
      ))}
      <div className="field">
        <label htmlFor={id('answer')}>{t('quizBank.answer')}</label>
        <select id={id('answer')} value={answer} onChange={(e) => setAnswer(e.target.value)}>
          {choices.filter((c) => c.id !== 'x').map((c) => <option key={c.id} value={c.id}>{c.id.toUpperCase()} · {c.text}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('why')}>{t('quizBank.explanation')}</label>
        <input id={id('why')} value={explanation} maxLength={200} onChange={(e) => setExplanation(e.target.value)} />
      </div>
      <p className="muted">{t('quizBank.versionNote')}</p>
      <div className="quiz-bank__actions">
        <button type="submit" className="btn btn--small" disabled={busy}>{t('quizBank.save')}</button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onCancel}>{t('quizBank.cancel')}</button>
      </div>
    </form>
  );
}
