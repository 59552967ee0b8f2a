import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateContribution, lowestBasisIdr, rateOf } from '../../../server/domain/contribution/estimate';
import type { RegistrationInfo } from './registrationTypes';
import { formatPercent, formatRupiah, parseIncomeIdr } from './format';
import { formatWitaDate, witaToday } from '../../shared/wita';

/**
 * The worker types a monthly income and sees the monthly contribution, computed on the phone by the same
 * pure module the server uses. Nothing typed here leaves the device.
 */
export function ContributionEstimator({ rules }: { rules: RegistrationInfo['rules'] }) {
  const { t, i18n } = useTranslation('finder');
  const lang = i18n.language;
  const id = useId();
  const [income, setIncome] = useState('');
  const [withJht, setWithJht] = useState(false);
  const parsed = parseIncomeIdr(income);
  const invalid = income.trim() !== '' && parsed === null;
  const lowest = lowestBasisIdr(rules);
  const jkkRate = formatPercent(rateOf(rules.programs.JKK.rate), lang);
  const jhtRate = formatPercent(rateOf(rules.programs.JHT.rate), lang);
  const est = useMemo(() => estimateContribution(rules, parsed ?? 0, withJht, witaToday(new Date())), [rules, parsed, withJht]);
  const basis = formatRupiah(est.basisIdr);

  return (
    <section className="estimator" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="estimator__heading">
        {t('reg.estimateHeading')}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-income`}>{t('reg.incomeLabel')}</label>
        <input
          id={`${id}-income`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="2.000.000"
          value={income}
          aria-invalid={invalid}
          aria-describedby={`${id}-income-hint`}
          onChange={(e) => setIncome(e.target.value)}
        />
        <p id={`${id}-income-hint`} className={invalid ? 'error-text estimator__hint' : 'muted estimator__hint'}>
          {invalid ? t('reg.incomeInvalid') : t('reg.incomeHint')}
        </p>
      </div>
      <label className="check">
        <input type="checkbox" checked={withJht} onChange={(e) => setWithJht(e.target.checked)} />
        <span>{t('reg.withJht', { rate: jhtRate })}</span>
      </label>
      <div className="estimator__result" role="status" aria-live="polite">
        {parsed !== null && parsed < lowest && <p className="muted estimator__basis">{t('reg.basisRaised', { basis: formatRupiah(lowest) })}</p>}
        <table className="estimator__table">
          <tbody>
            <tr>
              <th scope="row">{t('reg.line.jkk', { rate: jkkRate, basis })}</th>
              <td>{formatRupiah(est.jkkIdr)}</td>
            </tr>
            <tr>
              <th scope="row">{t('reg.line.jkm')}</th>
              <td>{formatRupiah(est.jkmIdr)}</td>
            </tr>
            {withJht && (
              <tr>
                <th scope="row">{t('reg.line.jht', { rate: jhtRate, basis })}</th>
                <td>{formatRupiah(est.jhtIdr)}</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reg.line.total')}</th>
              <td className="estimator__total">{formatRupiah(est.totalIdr)}</td>
            </tr>
          </tfoot>
        </table>
        {est.totalWithReliefIdr !== null && est.reliefUntil && (
          <p className="estimator__relief">
            {t('reg.relief', { amount: formatRupiah(est.totalWithReliefIdr), until: formatWitaDate(est.reliefUntil, lang) })}{' '}
            <em className="estimator__unverified">{t('reg.reliefUnverified')}</em>
          </p>
        )}
      </div>
      <p className="muted small">{t('reg.estimateNote')}</p>
    </section>
  );
}
