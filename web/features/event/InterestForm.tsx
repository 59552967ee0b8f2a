import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVillages } from '../../api/hooks';
import { ApiErrorText } from '../../shared/ApiErrorText';
import type { InterestBody } from '../../../server/http/contract';

const PROGRAMMES = ['JKK', 'JKM', 'JHT'] as const;

/** What the form collects: the POST /api/visits/:id/interest body, with consent as a tick. */
export type InterestValues = Pick<InterestBody, 'name' | 'whatsapp' | 'village_code' | 'programmes'> & { consent: boolean };

/** "Saya mau didaftarkan / dihubungi": name, WhatsApp, village, programmes and an explicit consent line. */
export function InterestForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (v: InterestValues) => void }) {
  const { t } = useTranslation('event');
  const villages = useVillages();
  const [v, setV] = useState<InterestValues>({ name: '', whatsapp: '', village_code: '', programmes: ['JKK', 'JKM'], consent: false });
  const options = useMemo(
    () => (villages.data?.features ?? []).map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name, 'id')),
    [villages.data],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (v.consent) onSubmit(v);
  };
  const toggle = (p: InterestBody['programmes'][number]) => setV({ ...v, programmes: v.programmes.includes(p) ? v.programmes.filter((x) => x !== p) : [...v.programmes, p] });
  const errField = (error as { field?: string } | null)?.field;
  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('interest.intro')}</p>
      <div className="field">
        <label htmlFor="interest-name">{t('interest.name')}</label>
        <input id="interest-name" required maxLength={100} autoComplete="given-name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} aria-invalid={errField === 'name' || undefined} aria-describedby="interest-name-hint" />
        <span id="interest-name-hint" className="muted">{t('interest.noNik')}</span>
      </div>
      <div className="field">
        <label htmlFor="interest-wa">{t('interest.whatsapp')}</label>
        <input id="interest-wa" required type="tel" inputMode="tel" maxLength={30} autoComplete="tel" value={v.whatsapp} onChange={(e) => setV({ ...v, whatsapp: e.target.value })} aria-invalid={errField === 'whatsapp' || undefined} aria-describedby="interest-wa-hint" />
        <span id="interest-wa-hint" className="muted">{t('interest.whatsappHint')}</span>
      </div>
      <div className="field">
        <label htmlFor="interest-village">{t('interest.village')}</label>
        <select id="interest-village" required value={v.village_code} onChange={(e) => setV({ ...v, village_code: e.target.value })}>
          <option value="">{t('interest.chooseVillage')}</option>
          {options.map((o) => <option key={o.code} value={o.code}>{o.name} ({o.district_name})</option>)}
        </select>
      </div>
      <fieldset className="event__checks">
        <legend>{t('interest.programmes')}</legend>
        {PROGRAMMES.map((p) => (
          <label key={p} className="event__check">
            <input type="checkbox" checked={v.programmes.includes(p)} onChange={() => toggle(p)} />
            <span>{t(`interest.programme.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="event__check event__consent">
        <input type="checkbox" checked={v.consent} onChange={(e) => setV({ ...v, consent: e.target.checked })} />
        <span>{t('interest.consent')}</span>
      </label>
      {error != null && <p role="alert" className="error-text"><ApiErrorText error={error} /></p>}
      <button type="submit" className="btn" disabled={busy || !v.consent || v.programmes.length === 0} aria-describedby={!v.consent ? 'consent-why' : undefined}>{t('interest.submit')}</button>
      {!v.consent && <p id="consent-why" className="muted">{t('interest.needConsent')}</p>}
    </form>
  );
}
