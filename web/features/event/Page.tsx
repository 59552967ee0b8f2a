import './event.css';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useSession } from '../../shared/LoginGate';
import { useHashRoute } from '../../shared/useHashRoute';
import { formatLongDate, formatTimeSpan, witaDateOf, witaHhmm } from '../../shared/wita';
import { eventPath, useEventVisit, useEventWindow, useQuiz } from './api';
import { loadProgress, participantFor, saveProgress, type EventProgress, type ReviewItem } from './participant';
import { flush, pending, sendOrQueue } from './queue';
import { QuizForm } from './QuizForm';
import { Review } from './Review';
import { InterestForm, type InterestValues } from './InterestForm';
import { FeedbackForm } from './FeedbackForm';
import { Facilitator } from './Facilitator';

type Step = 'checkin' | 'pre' | 'post' | 'interest' | 'feedback';
type PostAnswer = { correct: number; total: number; score_pct: number; review?: ReviewItem[] };

/** Seconds between retries of queued answers while some are waiting. */
const RETRY_S = 15;
/** Extra tries after the phone says it is online again, in seconds. */
const ONLINE_RETRIES_S = [1, 3, 7];

/** The event page `#/acara/{occurrence id}`: a participant's whole event on one phone, working on a weak signal. */
export default function EventPage() {
  const { t, i18n } = useTranslation('event');
  const { path } = useHashRoute();
  const visitId = decodeURIComponent(path.replace(/^\/acara\/?/, ''));
  const visit = useEventVisit(visitId);
  const win = useEventWindow(visitId);
  const quiz = useQuiz();
  const session = useSession();
  const isPlanner = session.data?.role === 'planner' || session.data?.role === 'admin';
  const [progress, setProgressState] = useState<EventProgress>(() => loadProgress(visitId));
  const [busy, setBusy] = useState<Step | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Step, unknown>>>({});
  const [queuedSteps, setQueuedSteps] = useState<Step[]>([]);
  const [waiting, setWaiting] = useState(() => pending(visitId).length);
  const [facilitator, setFacilitator] = useState(false);
  /** A latecomer may skip the pre-test and go straight to the post-test. */
  const [postEarly, setPostEarly] = useState(false);

  const setProgress = useCallback((update: (p: EventProgress) => EventProgress) => {
    setProgressState((p) => {
      const next = update(p);
      saveProgress(visitId, next);
      return next;
    });
  }, [visitId]);

  const sendQueued = useCallback(async () => {
    const left = await flush((item, data) => {
      if (item.kind === 'quiz-post' && item.visitId === visitId) {
        const d = data as PostAnswer;
        setProgress((p) => ({ ...p, review: d.review, score: { correct: d.correct, total: d.total, score_pct: d.score_pct } }));
      }
    });
    setWaiting(pending(visitId).length);
    if (left === 0) setQueuedSteps([]);
  }, [setProgress, visitId]);

  useEffect(function sendWhenTheSignalReturns() {
    void sendQueued();
    const soon: number[] = [];
    // The `online` event can come a moment before requests get through (and signal flickers), so try again shortly after.
    const onOnline = () => {
      void sendQueued();
      for (const s of ONLINE_RETRIES_S) soon.push(window.setTimeout(() => void sendQueued(), s * 1000));
    };
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => { if (pending(visitId).length > 0) void sendQueued(); }, RETRY_S * 1000);
    return function stopSending() {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
      for (const id of soon) window.clearTimeout(id);
    };
  }, [sendQueued, visitId]);

  const send = async (step: Step, what: Parameters<typeof eventPath>[1], body: Record<string, unknown>, kind: string = step) => {
    setBusy(step);
    setErrors((e) => ({ ...e, [step]: null }));
    try {
      const r = await sendOrQueue<PostAnswer>({ path: eventPath(visitId, what), body: { participant: participantFor(visitId), ...body }, kind, visitId });
      setProgress((p) => ({
        ...p,
        [step]: true,
        // Answering a test checks the participant in too (as the server does).
        ...(step === 'checkin' || step === 'pre' || step === 'post' ? { checkedIn: true } : {}),
        ...(!r.queued && kind === 'quiz-post' ? { review: r.data.review, score: { correct: r.data.correct, total: r.data.total, score_pct: r.data.score_pct } } : {}),
      }));
      if (r.queued) {
        setQueuedSteps((s) => [...s, step]);
        setWaiting(pending(visitId).length);
      }
    } catch (e) {
      setErrors((x) => ({ ...x, [step]: e }));
    } finally {
      setBusy(null);
    }
  };

  if (visit.isPending || win.isPending) return <p className="muted">{t('loading')}</p>;
  if (visit.isError || win.isError) {
    const err = visit.error ?? win.error;
    return (
      <div className="card stack event" role="alert">
        <p>{err instanceof ApiError && err.status === 404 ? t('notFound') : t('loadError')}</p>
        {!(err instanceof ApiError && err.status === 404) && <p className="error-text"><ApiErrorText error={err} /></p>}
      </div>
    );
  }
  const v = visit.data;
  const w = win.data;
  const questions = quiz.data ?? [];
  const date = formatLongDate(witaDateOf(v.starts_at), i18n.language);
  const queuedNote = (step: Step) => queuedSteps.includes(step) && <p className="event__queued" role="status">{t('queued')}</p>;

  return (
    <div className="event stack">
      <header className="event__head">
        <p className="event__kicker">{t('title')}</p>
        <h1>{v.point_name ?? v.title}</h1>
        {v.title && v.title !== v.point_name && <p className="event__subtitle">{v.title}</p>}
        <p className="event__when">{t('when', { date, time: formatTimeSpan(v.starts_at, v.ends_at) })}</p>
      </header>

      {waiting > 0 && (
        <div className="event__pending card" role="status">
          <p>{t('pendingCount', { count: waiting })}</p>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void sendQueued()}>{t('sendNow')}</button>
        </div>
      )}

      {!w.open ? (
        <p className="card event__closed" role="status">
          {w.reason === 'event_not_open_yet'
            ? t('notOpenYet', { time: `${formatLongDate(witaDateOf(w.opens_at), i18n.language)} ${witaHhmm(w.opens_at)} WITA` })
            : w.reason === 'event_window_closed' ? t('closed') : t('notScheduled')}
        </p>
      ) : (
        <>
          {isPlanner && (
            <section className="card stack" aria-labelledby="facilitator-title">
              <h2 id="facilitator-title">{t('facilitator.title')}</h2>
              <button type="button" className="btn btn--ghost" aria-expanded={facilitator} onClick={() => setFacilitator(!facilitator)}>
                {facilitator ? t('facilitator.close') : t('facilitator.open')}
              </button>
              {facilitator && <Facilitator visitId={visitId} questions={questions} />}
            </section>
          )}
          {!facilitator && <>
          <StepCard title={t('checkin.title')} done={progress.checkedIn} doneText={t('checkin.done')}>
            <p className="muted">{t('checkin.note')}</p>
            <button type="button" className="btn event__big" disabled={busy === 'checkin'} onClick={() => void send('checkin', 'checkins', {})}>
              {t('checkin.button')}
            </button>
            <StepError error={errors.checkin} />
          </StepCard>
          {queuedNote('checkin')}

          <StepCard title={t('pre.title')} done={progress.pre} doneText={t('pre.done')}>
            <p>{t('pre.intro')}</p>
            <QuizForm questions={questions} phase="pre" submitLabel={t('pre.submit')} busy={busy === 'pre'} onSubmit={(answers) => void send('pre', 'quiz', { phase: 'pre', answers }, 'quiz-pre')} />
            <StepError error={errors.pre} />
          </StepCard>
          {queuedNote('pre')}

          <StepCard title={t('post.title')} done={progress.post} doneText={null}>
            <p>{t('post.intro')}</p>
            {!progress.pre && !postEarly ? (
              <>
                <p className="muted">{t('post.afterPre')}</p>
                <button type="button" className="btn btn--ghost" onClick={() => setPostEarly(true)}>{t('post.now')}</button>
              </>
            ) : (
              <QuizForm questions={questions} phase="post" submitLabel={t('post.submit')} busy={busy === 'post'} onSubmit={(answers) => void send('post', 'quiz', { phase: 'post', answers }, 'quiz-post')} />
            )}
            <StepError error={errors.post} />
          </StepCard>
          {progress.post && (progress.review
            ? <div className="card"><Review review={progress.review} questions={questions} score={progress.score} /></div>
            : <p className="card muted">{t('post.reviewPending')}</p>)}
          {queuedNote('post')}

          <StepCard title={t('interest.title')} done={progress.interest} doneText={t('interest.done')}>
            <InterestForm busy={busy === 'interest'} error={errors.interest} onSubmit={(val: InterestValues) => void send('interest', 'interest', { ...val })} />
          </StepCard>
          {queuedNote('interest')}

          <StepCard title={t('feedback.title')} done={progress.feedback} doneText={t('feedback.done')}>
            <FeedbackForm busy={busy === 'feedback'} error={errors.feedback} onSubmit={(score, comment) => void send('feedback', 'feedback', { score, ...(comment.trim() ? { comment } : {}) })} />
          </StepCard>
          {queuedNote('feedback')}
          </>}
        </>
      )}
    </div>
  );
}

/** One step: its form until done, then a short confirmation. */
function StepCard({ title, done, doneText, children }: { title: string; done?: boolean; doneText: string | null; children: ReactNode }) {
  const { t } = useTranslation('event');
  return (
    <section className={`card stack event__step${done ? ' event__step--done' : ''}`}>
      <h2>
        {title} {done && <span className="badge badge--good">✓ {t('done')}</span>}
      </h2>
      {done ? doneText && <p className="event__done" role="status">{doneText}</p> : children}
    </section>
  );
}

function StepError({ error }: { error: unknown }) {
  if (error == null) return null;
  return <p role="alert" className="error-text"><ApiErrorText error={error} /></p>;
}
