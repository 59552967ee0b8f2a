import { useTranslation } from 'react-i18next';
import type { ReviewItem } from './participant';
import type { QuizQuestion } from './api';

/** After the post-test: every question with the right answer and one line of explanation. */
export function Review({ review, questions, score }: { review: ReviewItem[]; questions: QuizQuestion[]; score?: { correct: number; total: number; score_pct: number } }) {
  const { t, i18n } = useTranslation('event');
  const choiceText = (qid: string, cid: string | null) => (cid === null ? t('post.noAnswer') : questions.find((q) => q.id === qid)?.choices.find((c) => c.id === cid)?.text ?? cid);
  return (
    <section className="review stack" aria-labelledby="review-title">
      {score && <p className="review__score">{t('post.score', { correct: score.correct, total: score.total, pct: score.score_pct.toLocaleString(i18n.language) })}</p>}
      <h3 id="review-title">{t('post.reviewTitle')}</h3>
      <ol className="review__list">
        {review.map((r) => (
          <li key={r.id} className={`review__item ${r.correct ? 'review__item--right' : 'review__item--wrong'}`}>
            <p className="review__q">{r.text}</p>
            <p className="review__answer"><strong>{choiceText(r.id, r.answer)}</strong></p>
            <p className="review__why">{r.explanation}</p>
            <p className="muted review__yours">
              <span className={`badge ${r.correct ? 'badge--good' : 'badge--warn'}`}>{r.correct ? t('post.right') : t('post.wrong')}</span>{' '}
              {t('post.yourAnswer', { choice: choiceText(r.id, r.choice) })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
