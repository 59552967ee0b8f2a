import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendJson } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { eventPath, type QuizQuestion } from './api';
import { newParticipantCode } from './participant';

type Sheet = Record<'pre' | 'post', Record<string, string>>;

/**
 * Facilitator mode for a signed-in planner: type paper answer sheets one after another. Each sheet is a new
 * participant (a fresh code): check-in, then its pre-test and post-test if filled in. The planner's session marks
 * these as typed by a facilitator.
 */
export function Facilitator({ visitId, questions }: { visitId: string; questions: QuizQuestion[] }) {
  const { t } = useTranslation('event');
  const [sheet, setSheet] = useState<Sheet>({ pre: {}, post: {} });
  const [saved, setSaved] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const filled = Object.keys(sheet.pre).length + Object.keys(sheet.post).length;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const participant = newParticipantCode();
      await sendJson('POST', eventPath(visitId, 'checkins'), { participant });
      for (const phase of ['pre', 'post'] as const) {
        if (Object.keys(sheet[phase]).length > 0) await sendJson('POST', eventPath(visitId, 'quiz'), { participant, phase, answers: sheet[phase] });
      }
      setSaved((n) => n + 1);
      setSheet({ pre: {}, post: {} });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack facilitator">
      <p>{t('facilitator.intro')}</p>
      <p className="facilitator__count" aria-live="polite">{t('facilitator.saved', { count: saved })}</p>
      <table className="facilitator__table">
        <thead>
          <tr><th scope="col">#</th><th scope="col">{t('facilitator.pre')}</th><th scope="col">{t('facilitator.post')}</th></tr>
        </thead>
        <tbody>
          {questions.map((q, i) => (
            <tr key={q.id}>
              <th scope="row" title={q.text}>{i + 1}. <span className="facilitator__qtext">{q.text}</span></th>
              {(['pre', 'post'] as const).map((phase) => (
                <td key={phase}>
                  <select
                    aria-label={`${t(`facilitator.${phase}`)} ${i + 1}`}
                    value={sheet[phase][q.id] ?? ''}
                    onChange={(e) => {
                      const next = { ...sheet[phase] };
                      if (e.target.value) next[q.id] = e.target.value;
                      else delete next[q.id];
                      setSheet({ ...sheet, [phase]: next });
                    }}
                  >
                    <option value="">{t('facilitator.skip')}</option>
                    {q.choices.map((c) => <option key={c.id} value={c.id}>{c.id.toUpperCase()} · {c.text}</option>)}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error != null && <p role="alert" className="error-text"><ApiErrorText error={error} /></p>}
      <button type="button" className="btn" disabled={busy || filled === 0} onClick={save} aria-describedby={filled === 0 ? 'sheet-why' : undefined}>{t('facilitator.save')}</button>
      {filled === 0 && <p id="sheet-why" className="muted">{t('facilitator.empty')}</p>}
    </div>
  );
}
