import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/localeText';
import { formatShortDate } from '../../shared/wita';
import { HBarChart, type Bar } from './charts';
import type { Funnel, Impact } from './types';

/**
 * What the event pages measured: matched gains next to all respondents, the questions people get wrong most,
 * and the follow-up funnel (interested → contacted → registered) by village and by visit.
 */
export function EventResults({ data }: { data: Impact }) {
  const { t, i18n } = useTranslation('impact');
  const lang = i18n.language;
  const oneDecimal = (v: number) => formatNumber(v, lang, { minDigits: 1, maxDigits: 1 });
  const pct = (v: number | null) => (v === null ? t('noData') : `${oneDecimal(v)}%`);
  const matchedBars: Bar[] = [
    { key: 'pre', label: t('awareness.before'), value: data.matched.pre_pct ?? 0, display: pct(data.matched.pre_pct) },
    { key: 'post', label: t('awareness.after'), value: data.matched.post_pct ?? 0, display: pct(data.matched.post_pct) },
  ];
  const gain = data.matched.pre_pct !== null && data.matched.post_pct !== null ? data.matched.post_pct - data.matched.pre_pct : null;
  const f = data.funnel;
  const funnelBars: Bar[] = (['interested', 'contacted', 'registered'] as const).map((k) => ({ key: k, label: t(`funnel.${k}`), value: f[k], display: formatNumber(f[k], lang) }));
  return (
    <>
      <div className="impact-panels">
        <section className="card stack" aria-labelledby="impact-matched-title">
          <h2 id="impact-matched-title">{t('matched.title')}</h2>
          <p className="muted impact-note">{t('matched.note', { pairs: data.matched.pairs })}</p>
          <HBarChart id="impact-matched" title={t('matched.chart')} headers={[t('awareness.when'), t('awareness.pct')]} bars={matchedBars} max={100} barClass={(b) => `impact-chart__bar--${b.key}`} />
          {gain !== null && (
            <p className="impact-change" data-testid="matched-change">
              {t(gain >= 0 ? 'awareness.up' : 'awareness.down', { points: oneDecimal(Math.abs(gain)) })}
            </p>
          )}
        </section>
        <section className="card stack" aria-labelledby="impact-funnel-title">
          <h2 id="impact-funnel-title">{t('funnel.title')}</h2>
          <p className="muted impact-note">{t('funnel.note')}</p>
          <HBarChart id="impact-funnel" title={t('funnel.chart')} headers={[t('funnel.step'), t('funnel.people')]} bars={funnelBars} hideCaption />
        </section>
      </div>
      <section className="card stack" aria-labelledby="impact-wrong-title">
        <h2 id="impact-wrong-title">{t('wrong.title')}</h2>
        <p className="muted impact-note">{t('wrong.note')}</p>
        {data.wrong_most.length === 0 ? <p className="muted">{t('noData')}</p> : (
          <div className="impact-table-wrap">
            <table className="impact-table" id="impact-wrong-table">
              <thead>
                <tr><th scope="col">{t('wrong.question')}</th><th scope="col">{t('wrong.before')}</th><th scope="col">{t('wrong.after')}</th></tr>
              </thead>
              <tbody>
                {data.wrong_most.map((q) => (
                  <tr key={q.id} data-question={q.id}>
                    <th scope="row">{q.text ?? q.id}</th>
                    <td>{pct(q.pre_pct)} <span className="muted">({formatNumber(q.pre_n, lang)})</span></td>
                    <td>{pct(q.post_pct)} <span className="muted">({formatNumber(q.post_n, lang)})</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card stack" aria-labelledby="impact-funnel-detail-title">
        <h2 id="impact-funnel-detail-title">{t('funnel.detailTitle')}</h2>
        <div className="impact-panels">
          <FunnelTable id="impact-funnel-villages" caption={t('funnel.byVillage')} first={t('funnel.village')} rows={f.by_village.map((v) => ({ key: v.village_code, label: v.village_name ?? v.village_code, ...v }))} />
          <FunnelTable id="impact-funnel-visits" caption={t('funnel.byVisit')} first={t('funnel.visit')} rows={f.by_visit.map((v) => ({ key: v.visit_id, label: `${v.point_name ?? v.visit_id}${v.date ? `, ${formatShortDate(v.date, lang)}` : ''}`, ...v }))} />
        </div>
      </section>
    </>
  );
}

function FunnelTable({ id, caption, first, rows }: { id: string; caption: string; first: string; rows: (Funnel & { key: string; label: string })[] }) {
  const { t, i18n } = useTranslation('impact');
  if (rows.length === 0) return <p className="muted">{caption}: {t('noData')}</p>;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div className="impact-table-wrap">
      <table className="impact-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">{first}</th><th scope="col">{t('funnel.interested')}</th><th scope="col">{t('funnel.contacted')}</th><th scope="col">{t('funnel.registered')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}><th scope="row">{r.label}</th><td>{n(r.interested)}</td><td>{n(r.contacted)}</td><td>{n(r.registered)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
