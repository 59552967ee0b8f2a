import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';

/** A score 1–5 as five big buttons, and an optional comment. */
export function FeedbackForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (score: number, comment: string) => void }) {
  const { t } = useTranslation('event');
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score !== null) onSubmit(score, comment);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="event__scores">
        <legend>{t('feedback.question')}</legend>
        <div className="event__score-row">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={`event__score${score === n ? ' event__score--on' : ''}`}>
              <input type="radio" name="feedback-score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <span className="event__score-n">{n}</span>
              <span className="event__score-label">{t(`feedback.score.${n}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="feedback-comment">{t('feedback.comment')}</label>
        <textarea id="feedback-comment" rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby="feedback-comment-hint" />
        <span id="feedback-comment-hint" className="muted">{t('interest.noNik')}</span>
      </div>
      {error != null && <p role="alert" className="error-text"><ApiErrorText error={error} /></p>}
      <button type="submit" className="btn" disabled={busy || score === null} aria-describedby={score === null ? 'score-why' : undefined}>{t('feedback.submit')}</button>
      {score === null && <p id="score-why" className="muted">{t('feedback.chooseScore')}</p>}
    </form>
  );
}
