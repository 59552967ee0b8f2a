import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { addDaysIso, witaDateOf, witaHhmm, witaIso } from '../../shared/wita';
import { DEFAULT_ACTIVITIES, defaultWindow } from './defaults';
import { useCreateVisit, usePatchVisit } from './api';
import { ACTIVITIES, type Activity, type SavedVisit, type Visit, type VisitStatus } from '../../api/types';
import type { VisitBody } from './types';
import { WrittenDateTime } from '../../shared/WrittenDateTime';

const STATUSES: VisitStatus[] = ['scheduled', 'draft', 'cancelled'];

/**
 * A custom visit at the selected point (any date and time, optionally repeating on market days), or
 * an edit of one existing visit / occurrence when `editing` is given. A save error is shown next to the
 * save button, in the UI language: on a phone the top of the page is out of sight.
 */
export function VisitForm({ point, hasRule, date, editing, onSaved, onDone }: {
  point: PointFeature | null;
  hasRule: boolean;
  date: string;
  editing?: Visit;
  onSaved: (saved: SavedVisit, summary: string) => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation('planner');
  const { t: tv } = useTranslation('visits');
  const win = defaultWindow(point?.properties.opens, point?.properties.closes);
  const [title, setTitle] = useState(editing?.title ?? (point ? t('market.defaultTitle', { name: point.properties.name }) : ''));
  const [day, setDay] = useState(editing ? witaDateOf(editing.starts_at) : date);
  const [start, setStart] = useState(editing ? witaHhmm(editing.starts_at) : win.start);
  const [end, setEnd] = useState(editing ? witaHhmm(editing.ends_at) : win.end);
  const [activities, setActivities] = useState<Activity[]>(editing?.activities ?? DEFAULT_ACTIVITIES);
  const [team, setTeam] = useState(editing?.team ?? '');
  const [capacity, setCapacity] = useState(editing?.capacity ? String(editing.capacity) : '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [status, setStatus] = useState<VisitStatus>(editing?.status ?? 'scheduled');
  const [repeat, setRepeat] = useState(false);
  const [until, setUntil] = useState(addDaysIso(date, 90));
  const create = useCreateVisit();
  const patch = usePatchVisit();
  const pending = create.isPending || patch.isPending;
  const error = editing ? patch.error : create.error;
  const labels = {
    title: t('form.title'), starts_at: t('form.start'), ends_at: t('form.end'), activities: t('form.activities'), team: t('form.team'),
    capacity: t('form.capacity'), notes: t('form.notes'), status: t('form.status'), repeat: t('form.repeat'), 'repeat.until': t('form.until'),
  };
  const prefix = editing ? `edit-${editing.id.replace(/\W/g, '-')}` : 'visit';

  const toggle = (a: Activity) => setActivities((cur) => (cur.includes(a) ? cur.filter((x) => x !== a) : ACTIVITIES.filter((x) => x === a || cur.includes(x))));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title: title.trim(),
      activities,
      starts_at: witaIso(day, start),
      ends_at: witaIso(day, end),
      status,
      ...(team.trim() ? { team: team.trim() } : {}),
      ...(capacity.trim() ? { capacity: Number(capacity) } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    const handlers = { onSuccess: (saved: SavedVisit) => { onSaved(saved, `${fields.title} — ${day}`); onDone?.(); } };
    if (editing) {
      patch.mutate({ id: editing.id, changes: { ...fields, team: team.trim() || undefined } }, handlers);
    } else if (point) {
      const body: VisitBody = { point_id: point.id, ...fields, ...(repeat && hasRule ? { repeat: { on_market_days: true, until } } : {}) };
      create.mutate(body, handlers);
    }
  };

  if (!point && !editing) return <p className="muted">{t('form.pointRequired')}</p>;
  return (
    <form className="stack planner-form" onSubmit={onSubmit} aria-label={editing ? t('form.editHeading') : t('form.newHeading')}>
      {point && !editing && <p className="muted">{t('form.atPoint', { name: point.properties.name })}</p>}
      <div className="field">
        <label htmlFor={`${prefix}-title`}>{t('form.title')}</label>
        <input id={`${prefix}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </div>
      <div className="planner-form__grid">
        <div className="field">
          <label htmlFor={`${prefix}-date`}>{t('form.date')}</label>
          <input id={`${prefix}-date`} type="date" value={day} onChange={(e) => setDay(e.target.value)} required aria-describedby={`${prefix}-when`} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-start`}>{t('form.start')}</label>
          <input id={`${prefix}-start`} type="time" value={start} onChange={(e) => setStart(e.target.value)} required aria-describedby={`${prefix}-when`} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-end`}>{t('form.end')}</label>
          <input id={`${prefix}-end`} type="time" value={end} onChange={(e) => setEnd(e.target.value)} required aria-describedby={`${prefix}-when`} />
        </div>
      </div>
      <WrittenDateTime id={`${prefix}-when`} date={day} start={start} end={end} />
      <fieldset className="planner-form__acts">
        <legend>{t('form.activities')}</legend>
        {ACTIVITIES.map((a) => (
          <label key={a} className="check">
            <input type="checkbox" checked={activities.includes(a)} onChange={() => toggle(a)} /> {tv(`activity.${a}`)}
          </label>
        ))}
      </fieldset>
      <div className="planner-form__grid">
        <div className="field">
          <label htmlFor={`${prefix}-team`}>{t('form.team')}</label>
          <input id={`${prefix}-team`} value={team} onChange={(e) => setTeam(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-capacity`}>{t('form.capacity')}</label>
          <input id={`${prefix}-capacity`} type="number" min={1} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-status`}>{t('form.status')}</label>
          <select id={`${prefix}-status`} value={status} onChange={(e) => setStatus(e.target.value as VisitStatus)}>
            {STATUSES.map((s) => <option key={s} value={s}>{tv(`status.${s}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-notes`}>{t('form.notes')}</label>
        <textarea id={`${prefix}-notes`} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {!editing && hasRule && (
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} /> {t('form.repeat')}
          </label>
          {repeat && (
            <div className="field">
              <label htmlFor={`${prefix}-until`}>{t('form.until')}</label>
              <input id={`${prefix}-until`} type="date" value={until} min={day} onChange={(e) => setUntil(e.target.value)} aria-describedby={`${prefix}-until-text`} />
              <WrittenDateTime id={`${prefix}-until-text`} date={until} />
            </div>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error-text">
          {t('saveError')} <ApiErrorText error={error} labels={labels} />
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn" disabled={pending || !title.trim() || activities.length === 0}>
          {pending ? t('form.saving') : editing ? t('form.saveChanges') : t('form.save')}
        </button>
        {onDone && (
          <button type="button" className="btn btn--ghost" onClick={onDone}>
            {t('form.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
