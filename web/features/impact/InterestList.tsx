import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson, sendJson } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { addDaysIso, formatShortDate, witaDateOf, witaToday } from '../../shared/wita';
import { usePastVisits } from './api';
import type { Impact, InterestRecord, InterestStatus } from './types';

const STATUSES: InterestStatus[] = ['baru', 'dihubungi', 'terdaftar', 'tidak_jadi'];
const path = (visitId: string, rest = '') => `/api/visits/${encodeURIComponent(visitId)}/interest${rest}`;

/** How far back the visit choice goes, in days: sign-ups are deleted 90 days after their visit anyway. */
const LOOKBACK_DAYS = 90;

type VisitChoice = Impact['funnel']['by_visit'][number];

/**
 * Every visit a planner may want to follow up: those with sign-ups in the impact range, and every visit of the
 * last 90 days (with 0 when nobody signed up yet), newest first.
 */
export function visitChoices(withInterest: VisitChoice[], past: { id: string; point_name: string | null; starts_at: string }[]): VisitChoice[] {
  const byId = new Map(withInterest.map((v) => [v.visit_id, v]));
  for (const v of past) {
    if (!byId.has(v.id)) byId.set(v.id, { visit_id: v.id, date: witaDateOf(v.starts_at), point_name: v.point_name, interested: 0, contacted: 0, registered: 0 });
  }
  return [...byId.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.visit_id.localeCompare(b.visit_id));
}

/**
 * "Daftar minat": the people who asked to be registered at one visit, with their follow-up status. Personal data:
 * shown to planners only, kept 90 days after the visit, deleted at once when the person asks.
 */
export function InterestList({ visits: withInterest }: { visits: VisitChoice[] }) {
  const { t, i18n } = useTranslation('impact');
  const qc = useQueryClient();
  const today = witaToday();
  const past = usePastVisits(addDaysIso(today, -LOOKBACK_DAYS), today);
  const visits = visitChoices(withInterest, past.data ?? []);
  const [chosen, setChosen] = useState<string | null>(null);
  // Open on the newest visit someone signed up at; otherwise on the newest visit.
  const visitId = chosen ?? (withInterest.length > 0 ? visits.find((v) => v.interested > 0)?.visit_id : undefined) ?? visits[0]?.visit_id ?? null;
  const list = useQuery({
    queryKey: ['interest', visitId],
    enabled: visitId !== null,
    queryFn: ({ signal }) => getJson<{ interest: InterestRecord[] }>(path(visitId!), {}, signal).then((r) => r.interest),
    staleTime: 0,
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['interest', visitId] });
    void qc.invalidateQueries({ queryKey: ['impact'] });
  };
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: number; status: InterestStatus }) => sendJson('PATCH', path(visitId!, `/${id}`), { status }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: number) => sendJson('DELETE', path(visitId!, `/${id}`)), onSuccess: refresh });
  const [confirming, setConfirming] = useState<number | null>(null);
  const error = setStatus.error ?? remove.error ?? list.error;

  return (
    <section className="card stack impact-interest" aria-labelledby="impact-interest-title">
      <h2 id="impact-interest-title">{t('interest.title')}</h2>
      <p className="muted impact-note">{t('interest.note')}</p>
      {visits.length === 0 ? <p className="muted">{past.isPending ? t('common:loading') : t('interest.noVisits', { count: LOOKBACK_DAYS })}</p> : (
        <>
          <div className="field">
            <label htmlFor="impact-interest-visit">{t('interest.visit')}</label>
            <select id="impact-interest-visit" value={visitId ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {visits.map((v) => (
                <option key={v.visit_id} value={v.visit_id}>
                  {v.point_name ?? v.visit_id}{v.date ? `, ${formatShortDate(v.date, i18n.language)}` : ''} · {t('interest.count', { count: v.interested })}
                </option>
              ))}
            </select>
          </div>
          {error != null && <p role="alert" className="error-text"><ApiErrorText error={error} /></p>}
          {list.isPending ? <p className="muted">{t('common:loading')}</p> : list.data && list.data.length === 0 ? <p className="muted impact-interest__empty" role="status">{t('interest.none')}</p> : (
            <div className="impact-table-wrap">
              <table className="impact-table" id="impact-interest-table">
                <thead>
                  <tr>
                    <th scope="col">{t('interest.name')}</th><th scope="col">{t('interest.whatsapp')}</th><th scope="col">{t('interest.village')}</th>
                    <th scope="col">{t('interest.programmes')}</th><th scope="col">{t('interest.status')}</th><th scope="col">{t('interest.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data?.map((r) => (
                    <tr key={r.id} className="impact-interest__row" data-id={r.id}>
                      <th scope="row">{r.name}</th>
                      <td><a href={`https://wa.me/${r.whatsapp.replace(/^\+/, '')}`} target="_blank" rel="noreferrer">{r.whatsapp}</a></td>
                      <td>{r.village_name ?? r.village_code}</td>
                      <td>{r.programmes.join(', ')}</td>
                      <td>
                        <select aria-label={t('interest.statusOf', { name: r.name })} value={r.status} disabled={setStatus.isPending}
                          onChange={(e) => setStatus.mutate({ id: r.id, status: e.target.value as InterestStatus })}>
                          {STATUSES.map((s) => <option key={s} value={s}>{t(`interest.statuses.${s}`)}</option>)}
                        </select>
                      </td>
                      <td>
                        {confirming === r.id ? (
                          <span className="impact-interest__confirm">
                            <button type="button" className="btn btn--small" onClick={() => { remove.mutate(r.id); setConfirming(null); }}>{t('interest.confirmDelete')}</button>{' '}
                            <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirming(null)}>{t('interest.cancel')}</button>
                          </span>
                        ) : (
                          <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirming(r.id)}>{t('interest.delete')}</button>
                        )}
                        <span className="muted impact-interest__until">{t('interest.until', { date: formatShortDate(witaDateOf(r.delete_after), i18n.language) })}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
