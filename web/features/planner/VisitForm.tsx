import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { ApiError, type Versioned } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { ConflictNotice } from '../../shared/ConflictNotice';
import { rebase } from '../../shared/conflict';
import { useSubmissionKey } from '../../shared/submissionKey';
import { addDaysIso } from '../../shared/wita';
import { DEFAULT_ACTIVITIES, defaultWindow } from './defaults';
import { fetchVisitRecord, useCreateVisit, usePatchVisit } from './api';
import { ACTIVITIES, type Activity, type SavedVisit, type Visit, type VisitStatus } from '../../api/types';
import type { VisitBody } from './types';
import { WrittenDateTime } from '../../shared/WrittenDateTime';
import { visitConflictRows, visitFields, visitFormOf, type VisitFormState } from './visitFormState';

const STATUSES: VisitStatus[] = ['scheduled', 'draft', 'cancelled'];

/**
 * A custom visit at the selected point (any date and time, optionally repeating on market days), or
 * an edit of one existing visit / occurrence when `editing` is given (as read with its ETag: the save sends
 * If-Match, and a 412 shows what someone else changed while keeping the entries). A new visit is sent with one
 * Idempotency-Key per content, so a double tap creates one. A save error is shown next to the save button,
 * in the UI language: on a phone the top of the page is out of sight.
 */
export function VisitForm({ point, hasRule, date, editing, onSaved, onDone }: {
  point: PointFeature | null;
  hasRule: boolean;
  date: string;
  editing?: Versioned<Visit>;
  onSaved: (saved: SavedVisit, summary: string) => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation('planner');
  const { t: tv } = useTranslation('visits');
  const win = defaultWindow(point?.properties.opens, point?.properties.closes);
  const [base, setBase] = useState(() => (editing ? { state: visitFormOf(editing.data), etag: editing.etag } : null));
  const [s, setS] = useState<VisitFormState>(() => base?.state ?? {
    title: point ? t('market.defaultTitle', { name: point.properties.name }) : '', day: date, start: win.start, end: win.end,
    activities: DEFAULT_ACTIVITIES, team: '', capacity: '', notes: '', status: 'scheduled',
  });
  const set = <K extends keyof VisitFormState>(k: K) => (v: VisitFormState[K]) => {
    setS((cur) => ({ ...cur, [k]: v }));
    clearSaveError();
  };
  const { title, day, start, end, activities, team, capacity, notes, status } = s;
  const [repeat, setRepeat] = useState(false);
  const [until, setUntil] = useState(addDaysIso(date, 90));
  const [conflict, setConflict] = useState<{ mine: VisitFormState; latest: Versioned<Visit> | null } | null>(null);
  const create = useCreateVisit();
  const patch = usePatchVisit();
  const keys = useSubmissionKey();
  const pending = create.isPending || patch.isPending;
  const rawError = editing ? patch.error : create.error;
  // A save error is about what was sent: once the planner changes the form, it no longer applies and goes.
  const clearSaveError = () => {
    if (create.isError) create.reset();
    if (patch.isError) patch.reset();
  };
  const error = rawError instanceof ApiError && rawError.status === 412 ? null : rawError;
  const canSave = !!title.trim() && activities.length > 0;
  const conflictRows = conflict?.latest && base ? visitConflictRows(base.state, conflict.mine, visitFormOf(conflict.latest.data), t, tv) : [];
  const adopt = (latest: Versioned<Visit>, mine: VisitFormState | null) => {
    const latestState = visitFormOf(latest.data);
    setS(mine && base ? rebase(base.state, mine, latestState) : latestState);
    setBase({ state: latestState, etag: latest.etag });
    setConflict(null);
    patch.reset();
  };
  const labels = {
    title: t('form.title'), starts_at: t('form.start'), ends_at: t('form.end'), activities: t('form.activities'), team: t('form.team'),
    capacity: t('form.capacity'), notes: t('form.notes'), status: t('form.status'), repeat: t('form.repeat'), 'repeat.until': t('form.until'),
  };
  const prefix = editing ? `edit-${editing.data.id.replace(/\W/g, '-')}` : 'visit';

  const toggle = (a: Activity) => {
    setS((cur) => ({ ...cur, activities: cur.activities.includes(a) ? cur.activities.filter((x) => x !== a) : ACTIVITIES.filter((x) => x === a || cur.activities.includes(x)) }));
    clearSaveError();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // A second tap while the first is on its way: the button is already disabled, and the key would match anyway.
    if (pending || !canSave) return;
    const fields = visitFields(s);
    const handlers = { onSuccess: (saved: SavedVisit) => { keys.saved(); onSaved(saved, `${fields.title} — ${day}`); onDone?.(); } };
    if (editing) {
      const mine = s;
      patch.mutate({ id: editing.data.id, changes: { ...fields, team: team.trim() || undefined }, etag: base?.etag ?? null }, {
        ...handlers,
        onError: (err) => {
          if (!(err instanceof ApiError && err.status === 412)) return;
          setConflict({ mine, latest: null });
          fetchVisitRecord(editing.data.id).then((latest) => setConflict({ mine, latest }), () => setConflict(null));
        },
      });
    } else if (point) {
      // A new visit is scheduled or a draft (the status list offers 'cancelled' only when editing).
      const { status, ...rest } = fields;
      const body: VisitBody = {
        point_id: point.id, ...rest, ...(status === 'cancelled' ? {} : { status }),
        ...(repeat && hasRule ? { repeat: { on_market_days: true as const, until } } : {}),
      };
      create.mutate({ body, key: keys.keyFor(body) }, handlers);
    }
  };

  if (!point && !editing) return <p className="muted">{t('form.pointRequired')}</p>;
  return (
    <form className="stack planner-form" onSubmit={onSubmit} aria-label={editing ? t('form.editHeading') : t('form.newHeading')}>
      {point && !editing && <p className="muted">{t('form.atPoint', { name: point.properties.name })}</p>}
      <div className="field">
        <label htmlFor={`${prefix}-title`}>{t('form.title')}</label>
        <input id={`${prefix}-title`} value={title} onChange={(e) => set('title')(e.target.value)} required maxLength={200} />
      </div>
      <div className="planner-form__grid">
        <div className="field">
          <label htmlFor={`${prefix}-date`}>{t('form.date')}</label>
          <input id={`${prefix}-date`} type="date" value={day} onChange={(e) => set('day')(e.target.value)} required aria-describedby={`${prefix}-when`} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-start`}>{t('form.start')}</label>
          <input id={`${prefix}-start`} type="time" value={start} onChange={(e) => set('start')(e.target.value)} required aria-describedby={`${prefix}-when`} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-end`}>{t('form.end')}</label>
          <input id={`${prefix}-end`} type="time" value={end} onChange={(e) => set('end')(e.target.value)} required aria-describedby={`${prefix}-when`} />
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
          <input id={`${prefix}-team`} value={team} onChange={(e) => set('team')(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-capacity`}>{t('form.capacity')}</label>
          <input id={`${prefix}-capacity`} type="number" min={1} inputMode="numeric" value={capacity} onChange={(e) => set('capacity')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-status`}>{t('form.status')}</label>
          <select id={`${prefix}-status`} value={status} onChange={(e) => set('status')(e.target.value as VisitStatus)}>
            {STATUSES.filter((s) => editing || s !== 'cancelled').map((s) => <option key={s} value={s}>{tv(`status.${s}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-notes`}>{t('form.notes')}</label>
        <textarea id={`${prefix}-notes`} rows={2} value={notes} onChange={(e) => set('notes')(e.target.value)} />
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
      {conflict && (
        <ConflictNotice
          rows={conflictRows}
          busy={!conflict.latest}
          onLoadLatest={() => conflict.latest && adopt(conflict.latest, null)}
          onApplyMine={() => conflict.latest && adopt(conflict.latest, conflict.mine)}
        />
      )}
      {error && (
        <p role="alert" className="error-text">
          {t('saveError')} <ApiErrorText error={error} labels={labels} />
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn" disabled={pending || !canSave} aria-describedby={`${prefix}-save-why`}>
          {editing ? t('form.saveChanges') : t('form.save')}
        </button>
        <span id={`${prefix}-save-why`} role="status" className={pending ? 'planner-form__status' : 'muted small'}>
          {pending ? t('form.saving') : !canSave ? t('form.cannotSave') : ''}
        </span>
        {onDone && (
          <button type="button" className="btn btn--ghost" onClick={onDone}>
            {t('form.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
