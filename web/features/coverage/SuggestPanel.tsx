import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { LoginGate, useSession } from '../../shared/LoginGate';
import { formatShortDate } from '../../shared/wita';
import { DRAFT_END, DRAFT_START, useCreateDrafts, useDraftPlans } from './api';
import type { CoverageVillage, Suggestion } from './types';

/** Ks a planner may ask for; the API allows up to 20 but a week's outreach is a handful of visits. */
const K_CHOICES = [1, 2, 3, 4, 5, 6, 8, 10];

export interface SuggestPanelProps {
  k: number;
  onK: (k: number) => void;
  onSuggest: () => void;
  suggestion: Suggestion | undefined;
  loading: boolean;
  error: Error | null;
  villages: CoverageVillage[];
  total: number;
}

/**
 * "Sarankan K kunjungan": asks the server where K visits would newly reach the most villages, previews the
 * venues with their planned dates, and lets a planner save them as DRAFT visits.
 */
export function SuggestPanel({ k, onK, onSuggest, suggestion, loading, error, villages, total }: SuggestPanelProps) {
  const { t } = useTranslation('coverage');
  return (
    <section className="card stack coverage-suggest" aria-labelledby="coverage-suggest-title">
      <h2 id="coverage-suggest-title">{t('suggest.title')}</h2>
      <p className="muted">{t('suggest.intro')}</p>
      <div className="row coverage-suggest__ask">
        <div className="field">
          <label htmlFor="coverage-k">{t('suggest.k')}</label>
          <select id="coverage-k" value={k} onChange={(e) => onK(Number(e.target.value))}>
            {K_CHOICES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <button type="button" className="btn" onClick={onSuggest} disabled={loading}>
          {t('suggest.button', { count: k })}
        </button>
      </div>
      {loading && <p className="muted" role="status">{t('common:loading')}</p>}
      {error && <p role="alert" className="error-text"><ApiErrorText error={error} /></p>}
      {suggestion && <Preview key={`${suggestion.k}-${suggestion.radius_km}-${suggestion.days}`} suggestion={suggestion} villages={villages} total={total} />}
    </section>
  );
}

function Preview({ suggestion, villages, total }: { suggestion: Suggestion; villages: CoverageVillage[]; total: number }) {
  const { t, i18n } = useTranslation('coverage');
  const names = new Map(villages.map((v) => [v.code, v.name]));
  const { plans, error } = useDraftPlans(suggestion.sites);
  if (suggestion.sites.length === 0) return <p role="status">{t('suggest.nothing')}</p>;
  return (
    <div className="stack coverage-preview" role="region" aria-label={t('suggest.previewLabel')}>
      <p className="coverage-preview__gain" role="status">
        {t('suggest.gain', { before: suggestion.covered_before, after: suggestion.covered_after, total })}
      </p>
      <ol className="coverage-sites">
        {suggestion.sites.map((s, i) => {
          const plan = plans?.[i];
          return (
            <li key={s.point_id} className="coverage-site-item" data-point-id={s.point_id}>
              <span className="coverage-site-item__rank" aria-hidden="true">{i + 1}</span>
              <div className="stack coverage-site-item__body">
                <strong className="coverage-site-item__name">{s.name}</strong>
                <span className="muted">{t(`vocab:types.${s.type}`, { defaultValue: s.type })}</span>
                {plan && (
                  <span className="coverage-site-item__date">
                    {t(plan.reason === 'market' ? 'suggest.dateMarket' : 'suggest.dateWeekday', {
                      date: formatShortDate(plan.date, i18n.language),
                      time: `${DRAFT_START}–${DRAFT_END}`,
                      market: plan.marketNames.join(', '),
                    })}
                  </span>
                )}
                <span>{t('suggest.reaches', { count: s.newly_covered.length })}</span>
                <span className="coverage-site-item__villages">{s.newly_covered.map((c) => names.get(c) ?? c).join(', ')}</span>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="coverage-guarantee">{t(`suggest.guarantee.${suggestion.method}`)}</p>
      <details className="coverage-detail">
        <summary>{t('suggest.detail')}</summary>
        <p lang="en">{suggestion.guarantee}</p>
      </details>
      {error && <p role="alert" className="error-text"><ApiErrorText error={error} /></p>}
      <CreateDrafts plans={plans} />
    </div>
  );
}

function CreateDrafts({ plans }: { plans: ReturnType<typeof useDraftPlans>['plans'] }) {
  const { t, i18n } = useTranslation('coverage');
  const session = useSession();
  const [showLogin, setShowLogin] = useState(false);
  const create = useCreateDrafts();
  const loggedIn = !!session.data;
  if (create.data) {
    return (
      <div className="stack coverage-created" role="status">
        <p className="coverage-created__title">{t('drafts.created', { count: create.data.length })}</p>
        <ul>
          {create.data.map((d) => (
            <li key={d.id} data-visit-id={d.id}>
              {d.plan.site.name} — {formatShortDate(d.plan.date, i18n.language)}, {DRAFT_START}–{DRAFT_END} WITA
              {d.warnings > 0 && <span className="badge badge--warn">{t('drafts.warnings', { count: d.warnings })}</span>}
            </li>
          ))}
        </ul>
        <p className="muted">{t('drafts.note')}</p>
        <a className="btn" href="#/planner">{t('drafts.openPlanner')}</a>
      </div>
    );
  }
  if (!loggedIn && !showLogin) {
    return (
      <div className="stack">
        <p className="muted">{t('drafts.loginNeeded')}</p>
        <button type="button" className="btn btn--ghost" onClick={() => setShowLogin(true)}>{t('drafts.login')}</button>
      </div>
    );
  }
  return (
    <LoginGate roles={['planner']}>
      {() => (
        <div className="stack">
          <button
            type="button"
            className="btn"
            disabled={!plans || create.isPending}
            onClick={() => plans && create.mutate({ plans, title: t('drafts.visitTitle', { lng: 'id' }) })}
          >
            {create.isPending ? t('drafts.creating') : t('drafts.create', { count: plans?.length ?? 0 })}
          </button>
          <p className="muted">{t('drafts.explain', { time: `${DRAFT_START}–${DRAFT_END}` })}</p>
          {create.error && <p role="alert" className="error-text">{t('drafts.failed')} <ApiErrorText error={create.error} /></p>}
        </div>
      )}
    </LoginGate>
  );
}
