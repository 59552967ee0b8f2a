import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';
import { WEEKDAYS, type DayHours, type FormState, type Weekday } from './formState';
import { formatClock, writtenDateTime } from '../../shared/wita';

/** A simple weekly editor: per day open or closed, and one opening span. Unknown hours are sent as null. */
export function HoursEditor({ state, onChange, error, errorDay }: { state: FormState; onChange: (patch: Partial<FormState>) => void; error: ReactNode; errorDay?: string | null }) {
  const { t, i18n } = useTranslation('staff');
  const setDay = (d: Weekday, patch: Partial<DayHours>) => onChange({ hours: { ...state.hours, [d]: { ...state.hours[d], ...patch } } });
  return (
    <fieldset className="fieldset" aria-describedby={error ? 'err-opening_hours' : undefined}>
      <legend>{t('form.hours')}</legend>
      <label className="check">
        <input type="checkbox" checked={state.hoursKnown} onChange={(e) => onChange({ hoursKnown: e.target.checked })} />
        {t('form.hoursKnown')}
      </label>
      {!state.hoursKnown ? (
        <p className="muted">{t('form.hoursUnknown')}</p>
      ) : (
        <div className="hours">
          {WEEKDAYS.map((d) => {
            const h = state.hours[d];
            const dayName = t(`days.${d}`);
            const bad = error && errorDay === d ? true : undefined;
            return (
              <div key={d} className="hours__row">
                <label className="check hours__day">
                  <input type="checkbox" checked={h.open} onChange={(e) => setDay(d, { open: e.target.checked })} />
                  {dayName}
                </label>
                {h.open ? (
                  <span className="hours__times">
                    <input type="time" aria-label={t('form.opensOn', { day: dayName })} aria-invalid={bad} aria-describedby={bad && 'err-opening_hours'} value={h.opens} onChange={(e) => setDay(d, { opens: e.target.value })} />
                    <span aria-hidden="true">–</span>
                    <input type="time" aria-label={t('form.closesOn', { day: dayName })} aria-invalid={bad} aria-describedby={bad && 'err-opening_hours'} value={h.closes} onChange={(e) => setDay(d, { closes: e.target.value })} />
                    <span className="written-date hours__written">{writtenDateTime({ start: h.opens, end: h.closes }, i18n.language)}</span>
                    {h.extra.length > 0 && <span className="muted">+{h.extra.map((s) => `${formatClock(s.opens)}–${formatClock(s.closes)}`).join(', ')}</span>}
                  </span>
                ) : (
                  <span className="muted">{t('form.closedDay')}</span>
                )}
              </div>
            );
          })}
        </div>
      )}
      <FieldError id="err-opening_hours" message={error} />
    </fieldset>
  );
}
