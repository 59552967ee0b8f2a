import { useEffect, useState } from 'react';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useTranslation } from 'react-i18next';
import { useStaffPoints } from './api';
import { formatDate } from './format';
import { replaceTo, staffHref } from './nav';
import type { PointFilter } from './types';

const FILTERS: PointFilter[] = ['all', 'approximate', 'stale', 'retired'];

/** The staff list of points with filters (approximate, not verified for 6 months, retired) and a name search. */
export function PointsList({ filter, q }: { filter: PointFilter; q: string }) {
  const { t, i18n } = useTranslation('staff');
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  // Search as the user types, but only after a pause, so each key press is not a request.
  useEffect(
    function debounceSearch() {
      if (search === q) return;
      const timer = window.setTimeout(() => replaceTo('points', { filter: filter === 'all' ? undefined : filter, q: search }), 350);
      return () => window.clearTimeout(timer);
    },
    [search, q, filter],
  );
  const points = useStaffPoints(filter, q);
  const features = points.data?.features ?? [];
  return (
    <section className="stack" aria-labelledby="points-title">
      <div className="row staff-head">
        <h1 id="points-title">{t('list.title')}</h1>
        <a className="btn" href={staffHref('new')}>
          {t('list.add')}
        </a>
      </div>
      <div className="staff-filters" role="group" aria-label={t('list.filterLabel')}>
        {FILTERS.map((f) => (
          <a key={f} className="staff-chip" href={staffHref('points', { filter: f === 'all' ? undefined : f, q: q || undefined })} aria-current={f === filter ? 'true' : undefined}>
            {t(`list.filters.${f}`)}
          </a>
        ))}
      </div>
      <div className="field">
        <label htmlFor="point-search">{t('list.search')}</label>
        <input id="point-search" type="search" value={search} placeholder={t('list.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {points.isPending ? <p className="muted">{t('common:loading')}</p>
      : points.isError ? (
        <p role="alert" className="error-text">
          <ApiErrorText error={points.error} />
        </p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {points.data.total !== undefined && points.data.total > features.length ? t('list.countOf', { count: features.length, total: points.data.total }) : t('list.count', { count: features.length })}
          </p>
          <ul className="point-rows">
            {features.map((f) => {
              const p = f.properties;
              return (
                <li key={f.id} className="point-row card">
                  <a className="point-row__name" href={staffHref('edit', { id: f.id })}>
                    {p.name}
                  </a>
                  <div className="point-row__meta">
                    <span>{t(`vocab:types.${p.type}`)}</span>
                    {p.village_name && <span>· {p.district_name ? t('list.villageIn', { village: p.village_name, district: p.district_name }) : p.village_name}</span>}
                  </div>
                  <div className="row point-row__badges">
                    {p.accuracy === 'approximate' ? <span className="badge badge--warn">{t('accuracy.approximate')}</span> : <span className="badge badge--good">{t('accuracy.exact')}</span>}
                    <span className={`badge ${p.status === 'active' ? '' : p.status === 'retired' ? 'badge--bad' : 'badge--warn'}`}>{t(`status.${p.status}`)}</span>
                    <span className="badge">{p.verified_at ? t('list.verifiedOn', { date: formatDate(p.verified_at, i18n.language) }) : t('list.neverVerified')}</span>
                  </div>
                </li>
              );
            })}
          </ul>
          {features.length === 0 && <p className="card muted">{t('list.empty')}</p>}
        </>
      )}
    </section>
  );
}
