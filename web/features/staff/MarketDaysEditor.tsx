import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PANCAWARA, SAPTAWARA, TRIWARA } from '../../../server/domain/calendar/pawukon';
import { FieldError } from './FieldError';
import type { FormState } from './formState';
import { WrittenDateTime } from '../../shared/WrittenDateTime';

const CYCLES = [
  { key: 'triwara', names: TRIWARA },
  { key: 'pancawara', names: PANCAWARA },
  { key: 'saptawara', names: SAPTAWARA },
] as const;

/**
 * Balinese market days: ticked names within one cycle are alternatives, ticks in two cycles must both
 * hold (Kajeng + Kliwon = Kajeng Kliwon). Nothing ticked = not a market-day place. Plus the market window.
 */
export function MarketDaysEditor({ state, onChange, errors }: { state: FormState; onChange: (patch: Partial<FormState>) => void; errors: { market_days: ReactNode; opens: ReactNode; closes: ReactNode } }) {
  const { t } = useTranslation('staff');
  const toggle = (key: (typeof CYCLES)[number]['key'], name: string, on: boolean) => {
    const list = state.marketDays[key];
    const order = CYCLES.find((c) => c.key === key)!.names as readonly string[];
    const next = on ? [...list, name].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : list.filter((n) => n !== name);
    onChange({ marketDays: { ...state.marketDays, [key]: next } });
  };
  return (
    <fieldset className="fieldset" aria-describedby={errors.market_days ? 'err-market_days' : undefined}>
      <legend>{t('form.marketDays')}</legend>
      <p className="muted small">{t('form.marketDaysHelp')}</p>
      {CYCLES.map((c) => (
        <fieldset key={c.key} className="cycle">
          <legend>{t(`form.cycles.${c.key}`)}</legend>
          <div className="cycle__names">
            {c.names.map((n) => (
              <label key={n} className="check check--chip">
                <input type="checkbox" checked={state.marketDays[c.key].includes(n)} onChange={(e) => toggle(c.key, n, e.target.checked)} />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <FieldError id="err-market_days" message={errors.market_days} />
      <div className="grid-2">
        <div className="field">
          <label htmlFor="pf-opens">{t('form.opens')}</label>
          <input id="pf-opens" type="time" value={state.opens} onChange={(e) => onChange({ opens: e.target.value })} aria-invalid={errors.opens ? true : undefined} aria-describedby={errors.opens ? 'err-opens' : undefined} />
          <FieldError id="err-opens" message={errors.opens} />
        </div>
        <div className="field">
          <label htmlFor="pf-closes">{t('form.closes')}</label>
          <input id="pf-closes" type="time" value={state.closes} onChange={(e) => onChange({ closes: e.target.value })} aria-invalid={errors.closes ? true : undefined} aria-describedby={errors.closes ? 'err-closes' : undefined} />
          <FieldError id="err-closes" message={errors.closes} />
        </div>
      </div>
      <WrittenDateTime id="pf-market-hours" start={state.opens} end={state.closes} />
    </fieldset>
  );
}
