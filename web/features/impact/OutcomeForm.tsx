import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Versioned } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { ConflictNotice, type ConflictRow } from '../../shared/ConflictNotice';
import { rebase } from '../../shared/conflict';
import { addDaysIso, formatClock, formatShortDate, witaDateOf, witaHhmm, witaToday } from '../../shared/wita';
import { fetchOutcome, useOutcome, usePastVisits, useRecordOutcome } from './api';
import type { Outcome, OutcomeInput } from './types';

/** How far back the form offers visits, in days. */
const LOOKBACK_DAYS = 90;
const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** Form fields by the server's field names (pretest.correct_pct etc.), as typed text. */
type Fields = Record<string, string>;

const NUMBER_FIELDS = ['attendees', 'registrations', 'cards_issued', 'pretest.respondents', 'pretest.correct_pct', 'posttest.respondents', 'posttest.correct_pct', ...RATINGS.map((r) => `feedback.${r}`)];

function fromOutcome(o: OutcomeInput | null | undefined): Fields {
  const f: Fields = {};
  for (const k of NUMBER_FIELDS) {
    const [a, b] = k.split('.');
    const v = b ? (o as unknown as Record<string, Record<string, unknown> | undefined>)?.[a]?.[b] : (o as unknown as Record<string, unknown>)?.[a];
    f[k] = v === undefined || v === null ? '' : String(v);
  }
  f.notes = o?.notes ?? '';
  return f;
}

/** Typed text → a number, or the text itself so the server names what is wrong with it ("" is left out). */
function num(s: string): number | string | undefined {
  const t = s.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : s;
}

/** The POST body: empty optional groups are left out rather than sent as zeros. */
export function toBody(f: Fields): OutcomeInput {
  const body: Record<string, unknown> = {};
  for (const k of ['attendees', 'registrations', 'cards_issued']) if (num(f[k]) !== undefined) body[k] = num(f[k]);
  for (const quiz of ['pretest', 'posttest']) {
    const respondents = num(f[`${quiz}.respondents`]);
    const correct_pct = num(f[`${quiz}.correct_pct`]);
    if (respondents !== undefined || correct_pct !== undefined) body[quiz] = { respondents, correct_pct };
  }
  const feedback = Object.fromEntries(RATINGS.map((r) => [r, num(f[`feedback.${r}`])]).filter(([, v]) => v !== undefined));
  if (Object.keys(feedback).length > 0) body.feedback = feedback;
  if (f.notes.trim()) body.notes = f.notes.trim();
  return body as OutcomeInput;
}

const inputId = (field: string) => `impact-f-${field.replace(/\./g, '-')}`;

/** "Catat hasil kunjungan": record (or correct) what a past visit achieved; counts only, never names or NIKs. */
export function OutcomeForm() {
  const { t, i18n } = useTranslation('impact');
  const today = witaToday();
  const visits = usePastVisits(addDaysIso(today, -LOOKBACK_DAYS), today);
  const [visitId, setVisitId] = useState<string | null>(null);
  const chosen = visitId ?? visits.data?.[0]?.id ?? null;
  const existing = useOutcome(chosen);
  const [fields, setFields] = useState<Fields>(() => fromOutcome(null));
  const record = useRecordOutcome();
  const formRef = useRef<HTMLFormElement>(null);
  // The version the fields were filled from (its ETag goes with the save), and a 412's newest version.
  const [base, setBase] = useState<{ fields: Fields; etag: string | null }>({ fields: fromOutcome(null), etag: null });
  const [conflict, setConflict] = useState<{ mine: Fields; latest: Versioned<Outcome | null> | null } | null>(null);

  // Fill the fields from the visit's recorded outcome once per chosen visit, and keep them disabled until then:
  // an answer arriving after the user started typing (slow signal) or a background refetch must not wipe the typing.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const ready = chosen !== null && loadedFor === chosen;
  useEffect(
    function loadRecordedOutcomeOnce() {
      if (existing.isSuccess && chosen !== null && loadedFor !== chosen) {
        // The form edits what a planner typed (never the phones' numbers, which are added on top).
        const loaded = fromOutcome(existing.data.data?.typed ?? null);
        setFields(loaded);
        setBase({ fields: loaded, etag: existing.data.etag });
        setConflict(null);
        setLoadedFor(chosen);
      }
    },
    [existing.isSuccess, existing.data, chosen, loadedFor],
  );

  const err = record.error instanceof ApiError && record.error.status !== 412 ? record.error : null;
  const fieldLabel = (f: string) => t(`fieldNames.${f.replace('.', '_')}`, { defaultValue: f });
  const conflictRows: ConflictRow[] = [];
  if (conflict?.latest) {
    const latest = fromOutcome(conflict.latest.data?.typed ?? null);
    for (const k of [...NUMBER_FIELDS, 'notes']) {
      if (latest[k] !== base.fields[k]) conflictRows.push({ field: k, label: fieldLabel(k), mine: conflict.mine[k] || '—', stored: latest[k] || '—' });
    }
  }
  const adopt = (latest: Versioned<Outcome | null>, mine: Fields | null) => {
    const latestFields = fromOutcome(latest.data?.typed ?? null);
    setFields(mine ? rebase(base.fields, mine, latestFields) : latestFields);
    setBase({ fields: latestFields, etag: latest.etag });
    setConflict(null);
    record.reset();
  };
  const errField = err?.field && NUMBER_FIELDS.concat('notes').includes(err.field) ? err.field : null;
  const labels = Object.fromEntries(
    NUMBER_FIELDS.concat('notes').map((f) => [f, t(`fieldNames.${f.replace('.', '_')}`, { defaultValue: '' })]).filter(([, l]) => l),
  );
  const fieldError = err ? <ApiErrorText error={err} labels={labels} /> : null;
  useEffect(
    function focusTheFieldToFix() {
      if (errField) document.getElementById(inputId(errField))?.focus();
    },
    [errField, record.failureCount],
  );

  const set = (k: string) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const mine = fields;
    record.mutate({ visitId: chosen, body: toBody(fields), etag: base.etag }, {
      onSuccess: (saved) => setBase({ fields: fromOutcome(saved.data.typed), etag: saved.etag }),
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 412)) return;
        setConflict({ mine, latest: null });
        fetchOutcome(chosen).then((latest) => setConflict({ mine, latest }), () => setConflict(null));
      },
    });
  };

  // What the event page already counted (check-ins, answer sheets, feedback): shown beside the typed fields, so a
  // planner types only what the phones did not count and nobody is counted twice.
  const sources = ready ? existing.data?.data?.sources : undefined;
  const fromEvent = (k: 'attendees' | 'pretest' | 'posttest' | 'feedback') => (sources ? sources[k].phone + sources[k].facilitator : 0);
  const checkins = fromEvent('attendees');
  const typedAttendees = typeof num(fields.attendees) === 'number' ? (num(fields.attendees) as number) : 0;
  const eventNote = (k: 'pretest' | 'posttest' | 'feedback') =>
    fromEvent(k) > 0 && <p id={`impact-${k}-phones`} className="impact-phones">{t(`form.phones.${k === 'feedback' ? 'feedback' : 'respondents'}`, { count: fromEvent(k) })}</p>;

  const numberInput = (field: string, label: string, extra: { max?: number; step?: string; describedBy?: string } = {}) => {
    const invalid = errField === field;
    return (
      <div className="field">
        <label htmlFor={inputId(field)}>{label}</label>
        <input
          id={inputId(field)}
          inputMode={extra.step ? 'decimal' : 'numeric'}
          type="number"
          min={0}
          max={extra.max}
          step={extra.step ?? '1'}
          value={fields[field]}
          onChange={set(field)}
          disabled={!ready}
          aria-invalid={invalid || undefined}
          aria-describedby={[invalid ? `${inputId(field)}-error` : '', extra.describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        />
        {invalid && <p id={`${inputId(field)}-error`} className="error-text impact-field-error">{fieldError}</p>}
      </div>
    );
  };

  if (visits.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (visits.isError) return <p role="alert" className="error-text"><ApiErrorText error={visits.error} /></p>;

  return (
    <section className="card stack impact-form" aria-labelledby="impact-form-title">
      <h2 id="impact-form-title">{t('form.title')}</h2>
      {visits.data.length === 0 ? (
        <p className="muted">{t('form.noVisits', { count: LOOKBACK_DAYS })}</p>
      ) : (
        <form ref={formRef} className="stack" onSubmit={onSubmit} noValidate>
          <p className="muted">{t('form.intro')}</p>
          <div className="field">
            <label htmlFor="impact-f-visit">{t('form.visit')}</label>
            <select id="impact-f-visit" value={chosen ?? ''} onChange={(e) => { setVisitId(e.target.value); record.reset(); }}>
              {visits.data.map((v) => (
                <option key={v.id} value={v.id}>
                  {formatShortDate(witaDateOf(v.starts_at), i18n.language)} {formatClock(witaHhmm(v.starts_at))} · {v.point_name ?? v.title}
                </option>
              ))}
            </select>
          </div>
          {!ready && existing.isError && (
            <p role="alert" className="error-text">
              <ApiErrorText error={existing.error} />{' '}
              <button type="button" className="btn btn--small btn--ghost" onClick={() => void existing.refetch()}>{t('common:retry')}</button>
            </p>
          )}
          {!ready && !existing.isError && <p className="muted" role="status">{t('form.loadingOutcome')}</p>}
          {existing.data?.data?.recorded_at && <p className="badge badge--good impact-form__recorded">{t('form.recorded', { date: formatShortDate(witaDateOf(existing.data.data.recorded_at), i18n.language) })}</p>}
          <fieldset className="impact-fieldset">
            <legend>{t('form.counts')}</legend>
            {checkins > 0 && (
              <p id="impact-attendees-phones" className="impact-phones" data-testid="checkins-from-event">
                {t('form.phones.checkins', { count: checkins, phone: sources!.attendees.phone, facilitator: sources!.attendees.facilitator })}
              </p>
            )}
            <p id="impact-attendees-rule" className="muted impact-fieldset__hint">{t('form.phones.attendeesRule')}</p>
            <div className="impact-grid">
              {numberInput('attendees', checkins > 0 ? t('form.attendeesExtra') : t('form.attendees'), { describedBy: checkins > 0 ? 'impact-attendees-phones impact-attendees-rule' : 'impact-attendees-rule' })}
              {numberInput('registrations', t('form.registrations'))}
              {numberInput('cards_issued', t('form.cards'))}
            </div>
            {checkins > 0 && (
              <p className="impact-phones__total" data-testid="attendees-total" aria-live="polite">
                {t('form.phones.total', { checkins, typed: typedAttendees, total: checkins + typedAttendees })}
              </p>
            )}
          </fieldset>
          {(['pretest', 'posttest'] as const).map((q) => (
            <fieldset key={q} className="impact-fieldset">
              <legend>{t(`form.${q}`)}</legend>
              {eventNote(q)}
              <div className="impact-grid">
                {numberInput(`${q}.respondents`, t('form.respondents'))}
                {numberInput(`${q}.correct_pct`, t('form.correctPct'), { max: 100, step: '0.1' })}
              </div>
            </fieldset>
          ))}
          <fieldset className="impact-fieldset">
            <legend>{t('form.feedback')}</legend>
            {eventNote('feedback')}
            <p className="muted impact-fieldset__hint">{t('form.feedbackHint')}</p>
            <div className="impact-grid impact-grid--five">
              {RATINGS.map((r) => numberInput(`feedback.${r}`, t('form.rating', { rating: r })))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={inputId('notes')}>{t('form.notes')}</label>
            <textarea id={inputId('notes')} rows={2} maxLength={2000} value={fields.notes} onChange={set('notes')} disabled={!ready} aria-describedby="impact-notes-hint" />
            <span id="impact-notes-hint" className="muted impact-fieldset__hint">{t('form.notesHint')}</span>
            {errField === 'notes' && <p className="error-text">{fieldError}</p>}
          </div>
          {conflict && (
            <ConflictNotice
              rows={conflictRows}
              busy={!conflict.latest}
              onLoadLatest={() => conflict.latest && adopt(conflict.latest, null)}
              onApplyMine={() => conflict.latest && adopt(conflict.latest, conflict.mine)}
            />
          )}
          {record.error && !errField && !conflict && (
            <p role="alert" className="error-text">{t('form.failed')} <ApiErrorText error={record.error} labels={labels} /></p>
          )}
          {errField && <p role="alert" className="error-text">{t('form.fixField', { field: t(`fieldNames.${errField.replace('.', '_')}`, { defaultValue: errField }) })}</p>}
          {record.isSuccess && <p role="status" className="impact-form__saved">{t('form.saved')}</p>}
          <div className="row">
            <button type="submit" className="btn" disabled={record.isPending || !ready} aria-describedby="impact-save-status">
              {t('form.save')}
            </button>
            <span id="impact-save-status" role="status" className="muted">
              {record.isPending ? t('form.saving') : ''}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
