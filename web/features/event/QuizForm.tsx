import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizQuestion } from './api';

/**
 * 5–8 multiple-choice questions as big tappable rows (radio buttons inside ≥ 44 px labels). Unanswered questions
 * are sent as they are (the score counts only what was answered); the form says how many are still open.
 */
export function QuizForm({ questions, phase, submitLabel, busy, onSubmit }: {
  questions: QuizQuestion[];
  phase: 'pre' | 'post' | string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (answers: Record<string, string>) => void;
}) {
  const { t } = useTranslation('event');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const open = questions.filter((q) => answers[q.id] === undefined).length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(answers).length > 0) onSubmit(answers);
  };
  return (
    <form className="quiz stack" onSubmit={submit}>
      {questions.map((q, i) => (
        <fieldset key={q.id} className="quiz__q">
          <legend>
            <span className="quiz__n">{t('questionOf', { n: i + 1, total: questions.length })}</span>
            {q.text}
          </legend>
          {q.choices.map((c) => (
            <label key={c.id} className={`quiz__choice${answers[q.id] === c.id ? ' quiz__choice--on' : ''}${c.id === 'x' ? ' quiz__choice--dontknow' : ''}`}>
              <input type="radio" name={`${phase}-${q.id}`} value={c.id} checked={answers[q.id] === c.id} onChange={() => setAnswers({ ...answers, [q.id]: c.id })} />
              <span>{c.text}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {open > 0 && <p className="muted" id={`${phase}-open`}>{t('unanswered', { count: open })}</p>}
      <button type="submit" className="btn quiz__submit" disabled={busy || Object.keys(answers).length === 0} aria-describedby={open > 0 ? `${phase}-open` : undefined}>
        {submitLabel}
      </button>
    </form>
  );
}
