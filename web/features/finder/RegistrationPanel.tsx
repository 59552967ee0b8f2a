import { memo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistrationInfo } from './queries';
import { textOf, type RegistrationInfo } from './registrationTypes';
import { ContributionEstimator } from './ContributionEstimator';
import { formatRupiah } from './format';
import { lowestBasisIdr } from '../../../server/domain/contribution/estimate';
import { Icon } from './icons';

const URL_RE = /https?:\/\/[^\s)]+/;

/** A source line from the data file, with its URL (if any) made a link. */
function SourceLine({ text }: { text: string }) {
  const m = URL_RE.exec(text);
  if (!m) return <li>{text}</li>;
  const before = text.slice(0, m.index).replace(/[\s-–—:]+$/, '');
  const after = text.slice(m.index + m[0].length).replace(/^[\s;]+/, '');
  return (
    <li>
      {before && `${before} — `}
      <a href={m[0]} target="_blank" rel="noopener noreferrer">
        {new URL(m[0]).hostname}
      </a>
      {after && ` ${after}`}
    </li>
  );
}

function sourcesOf(rules: RegistrationInfo['rules']): string[] {
  return [...(rules.minimum_monthly.sources ?? []), ...(rules.temporary_relief?.links_cited ?? []), ...(rules.legal_basis ?? [])];
}

/** "Cara mendaftar": coverage, cost with an estimate, what to bring, official channels, sources — all from the data files. */
export function RegistrationPanel({ headingId }: { headingId: string }) {
  const { t, i18n } = useTranslation('finder');
  const lang = i18n.language;
  const info = useRegistrationInfo();
  // The facts are a large block below the fold: render them as a low-priority update that yields to taps,
  // instead of inside the query's (synchronous) data update.
  const data = useDeferredValue(info.data);

  return (
    <section className="reg card" aria-labelledby={headingId} id="cara-mendaftar" tabIndex={-1}>
      <h2 id={headingId}>{t('reg.heading')}</h2>
      <p>{t('reg.intro')}</p>
      {info.isPending && <p className="muted">{t('reg.loading')}</p>}
      {info.isError && (
        <p className="error-text" role="alert">
          {t('reg.error')}{' '}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => void info.refetch()}>
            {t('retry', { ns: 'common' })}
          </button>
        </p>
      )}
      {data && <RegistrationFacts info={data} lang={lang} />}
    </section>
  );
}

const RegistrationFacts = memo(function RegistrationFacts({ info, lang }: { info: RegistrationInfo; lang: string }) {
  const { t } = useTranslation('finder');
  const { rules, guide } = info;
  return (
    <div className="reg__facts">
      <h3>{t('reg.covers')}</h3>
      <ul className="reg__programs">
        {guide.programs.map((p) => (
          <li key={p.id}>
            <span className="reg__program-code">{p.id}</span>
            <span>
              {textOf(p, lang)}{' '}
              <span className={rules.programs[p.id]?.mandatory === false ? 'badge' : 'badge badge--good'}>
                {rules.programs[p.id]?.mandatory === false ? t('reg.optional') : t('reg.required')}
              </span>
            </span>
          </li>
        ))}
      </ul>

      <h3>{t('reg.cost')}</h3>
      <p className="reg__minimum">
        <strong>{t('reg.minimum', { amount: formatRupiah(rules.minimum_monthly.JKK_plus_JKM_idr) })}</strong>
        <span className="muted"> {t('reg.minimumDetail', { basis: formatRupiah(lowestBasisIdr(rules)) })}</span>
      </p>
      <ContributionEstimator rules={rules} />

      <h3>{t('reg.bring')}</h3>
      <ul className="reg__bring">
        {guide.what_to_bring.map((b) => (
          <li key={b.id}>
            <Icon name="check" className="reg__bring-icon" />
            <span>{textOf(b, lang)}</span>
          </li>
        ))}
      </ul>

      <h3>{t('reg.channels')}</h3>
      <ul className="reg__channels">
        {guide.channels.map((c) => (
          <li key={c.id}>
            <a className="btn btn--ghost reg__channel" href={c.url} {...(c.url?.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
              {textOf(c, lang)}
            </a>
          </li>
        ))}
      </ul>

      <p className="reg__privacy">
        <Icon name="shield" className="reg__privacy-icon" />
        <span>{guide.privacy ? textOf(guide.privacy, lang) : t('reg.privacy')}</span>
      </p>

      <details className="reg__sources">
        <summary>{t('reg.sources')}</summary>
        <p>{t('reg.sourcesStatus')}</p>
        <ul>
          {sourcesOf(rules).map((s) => (
            <SourceLine key={s} text={s} />
          ))}
        </ul>
      </details>
    </div>
  );
});
