import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongDate, formatShortDate, formatTimeSpan, witaDateOf } from '../../shared/wita';
import { ConfirmButton } from './ConfirmButton';
import { useDeleteVisit } from './api';
import { EditVisit } from './EditVisit';
import type { SavedVisit, Visit } from '../../api/types';
import { RegionSelect } from '../../shared/RegionSelect';

/** The month's visits with edit and cancel: one occurrence of a series, the whole series, or a single visit. */
export function VisitList({ visits, heading, onSaved, onError }: {
  visits: Visit[];
  heading: string;
  onSaved: (saved: SavedVisit, summary: string) => void;
  onError: (err: unknown) => void;
}) {
  const { t, i18n } = useTranslation('planner');
  const { t: tv } = useTranslation('visits');
  const remove = useDeleteVisit();
  const [editing, setEditing] = useState<string | null>(null);
  // '' = every served kabupaten; the select shows only when the deployment serves more than one.
  const [region, setRegion] = useState('');
  const lang = i18n.language;
  const sorted = visits
    .filter((v) => !region || (v.village_code ?? '').startsWith(`${region}.`))
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const cancel = (id: string) => remove.mutate(id, { onError });
  return (
    <section className="card stack planner-visits" aria-labelledby="planner-visits-title">
      <h2 id="planner-visits-title">{heading}</h2>
      <RegionSelect id="planner-visit-region" value={region} onChange={setRegion} />
      {sorted.length === 0 ? (
        <p className="muted">{region && visits.length > 0 ? t('list.emptyRegion') : t('list.empty')}</p>
      ) : (
        <ul className="planner-visits__list">
          {sorted.map((v) => {
            const date = witaDateOf(v.starts_at);
            const cancelled = v.status === 'cancelled';
            return (
              <li key={v.id} className={`planner-visit${cancelled ? ' is-cancelled' : ''}`} data-visit-id={v.id}>
                <div className="planner-visit__main">
                  <p className="planner-visit__when">
                    <strong>{formatShortDate(date, lang)}</strong> · {formatTimeSpan(v.starts_at, v.ends_at)}
                  </p>
                  <p className="planner-visit__what">{v.point_name}{v.title && v.title !== v.point_name ? ` — ${v.title}` : ''}</p>
                  <p className="planner-visit__tags">
                    {v.series_id && <span className="badge">{t('list.series')}</span>}
                    {v.team && <span className="badge"><span className="visually-hidden">{t('form.team')}: </span>{v.team}</span>}
                    {v.status !== 'scheduled' && <span className={`badge ${cancelled ? 'badge--bad' : 'badge--warn'}`}>{tv(`status.${v.status}`)}</span>}
                    {v.activities.map((a) => <span key={a} className="badge badge--good">{tv(`activity.${a}`)}</span>)}
                  </p>
                </div>
                {!cancelled && editing !== v.id && (
                  <div className="planner-visit__actions row">
                    <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(v.id)}>
                      {t('list.edit')}
                    </button>
                    {v.series_id ? (
                      <>
                        <ConfirmButton label={t('list.cancelOne')} yesLabel={t('list.yesCancelOne')} question={t('list.confirmCancelOne', { date: formatLongDate(date, lang) })} onConfirm={() => cancel(v.id)} disabled={remove.isPending} />
                        <ConfirmButton label={t('list.cancelSeries')} yesLabel={t('list.yesCancelSeries')} question={t('list.confirmCancelSeries', { title: v.title })} onConfirm={() => cancel(v.series_id!)} disabled={remove.isPending} />
                      </>
                    ) : (
                      <ConfirmButton label={t('list.cancelVisit')} yesLabel={t('list.yesCancelVisit')} question={t('list.confirmCancelVisit', { title: v.title, date: formatLongDate(date, lang) })} onConfirm={() => cancel(v.id)} disabled={remove.isPending} />
                    )}
                  </div>
                )}
                {editing === v.id && (
                  <div className="planner-visit__edit">
                    <h3>{t('form.editHeading')}</h3>
                    <EditVisit id={v.id} date={date} onSaved={onSaved} onDone={() => setEditing(null)} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
