import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useTranslation } from 'react-i18next';
import { ApiError, type Versioned } from '../../api/client';
import type { PointFeature } from '../../api/types';
import { ConflictNotice } from '../../shared/ConflictNotice';
import { rebase } from '../../shared/conflict';
import { useSubmissionKey } from '../../shared/submissionKey';
import { fetchStaffPoint, useSavePoint, useStaffPoint } from './api';
import { pointConflictRows } from './conflictRows';
import { PointForm } from './PointForm';
import { PointActions } from './PointActions';
import { PointHistory } from './PointHistory';
import { DuplicateNotice } from './DuplicateNotice';
import { emptyForm, formFromFeature } from './formState';
import { formatDate } from './format';
import { goTo, staffHref } from './nav';
import type { DuplicateWarning, PointBody } from './types';
import type { FormState } from './formState';
import type { GpsFix } from './useGpsFix';
import { sendJson } from '../../api/client';

/** Where a new point's pin starts: Bangli town, the regency seat ([lng, lat]). */
const NEW_POINT_CENTER: [number, number] = [115.3549, -8.4543];

// Warnings from creating a point survive the jump from the "new" view to the new point's page.
const pendingWarnings = new Map<number, DuplicateWarning[]>();

/** Records the GPS fix a new point was placed by as its check; a refusal leaves the point approximate (shown on its page). */
async function verifyNewPoint(id: number, body: PointBody, fix: GpsFix): Promise<void> {
  try {
    await sendJson('POST', `/api/points/${id}/verify`, { method: 'gps', lat: body.lat, lng: body.lng, accuracy_m: Math.round(fix.accuracyM * 10) / 10 });
  } catch {
    // The point is saved; its page shows it as approximate and offers "Saya di lokasi ini" again.
  }
}


/** A save that met a 412: what the user had in the form, and the newest stored version once fetched. */
interface Conflict {
  mine: FormState;
  latest: Versioned<PointFeature> | null;
}

/**
 * The page of one point (or a new one): the form, verify/retire/restore, and its history. The form edits
 * the version it was loaded from (`base`) and saves with If-Match; a newer version fetched in the background
 * replaces it only while the form is untouched, so nobody's typing is reset under them. A 412 shows what
 * the other person changed and keeps the user's entries.
 */
export function PointEditor({ id }: { id: number | null }) {
  const { t, i18n } = useTranslation('staff');
  const point = useStaffPoint(id);
  const save = useSavePoint(id);
  const keys = useSubmissionKey();
  const qc = useQueryClient();
  const [warnings, setWarnings] = useState<DuplicateWarning[]>(() => (id !== null ? (pendingWarnings.get(id) ?? []) : []));
  const [savedAt, setSavedAt] = useState<number | null>(() => (id !== null && pendingWarnings.has(id) ? Date.now() : null));
  const [dirty, setDirty] = useState(false);
  const [base, setBase] = useState<Versioned<PointFeature> | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [draft, setDraft] = useState<{ state: FormState; n: number } | null>(null);
  if (id !== null) pendingWarnings.delete(id);
  useEffect(
    function adoptNewerVersionWhileUntouched() {
      if (point.data && (!base || !dirty || base.etag === point.data.etag)) setBase(point.data);
    },
    [point.data, base, dirty],
  );
  // Stable initial state per loaded version, so the form's "unsaved changes" comparison is meaningful.
  const initial = useMemo(() => (base ? formFromFeature(base.data) : emptyForm(NEW_POINT_CENTER)), [base]);
  const conflictRows = useMemo(
    () => (conflict?.latest ? pointConflictRows(initial, conflict.mine, formFromFeature(conflict.latest.data), t) : []),
    [conflict, initial, t],
  );
  const showLatest = (latest: Versioned<PointFeature>, mine: FormState | null) => {
    setConflict(null);
    qc.setQueryData(['staff', 'point', id], latest);
    setDraft(mine ? { state: rebase(initial, mine, formFromFeature(latest.data)), n: (draft?.n ?? 0) + 1 } : null);
    setBase(latest);
  };
  const saveError = save.error instanceof ApiError && save.error.status === 412 ? null : save.error;

  if (id !== null && (point.isPending || (!base && point.data))) return <p className="muted">{t('common:loading')}</p>;
  if (id !== null && point.isError) {
    return (
      <div className="stack">
        <p role="alert" className="error-text">
          <ApiErrorText error={point.error} />
        </p>
        <a href={staffHref('points')}>{t('backToList')}</a>
      </div>
    );
  }
  const f = base?.data;
  const p = f?.properties;
  return (
    <div className="stack">
      <a className="back-link" href={staffHref('points')}>
        ← {t('backToList')}
      </a>
      <header className="stack point-head">
        <h1>{p ? p.name : t('form.newTitle')}</h1>
        {p && (
          <div className="row">
            <span className="muted">
              {t(`types.${p.type}`)}
              {p.village_name ? ` · ${p.district_name ? t('list.villageIn', { village: p.village_name, district: p.district_name }) : p.village_name}` : ''}
            </span>
            {p.accuracy === 'approximate' ? <span className="badge badge--warn">{t('accuracy.approximate')}</span> : <span className="badge badge--good">{t('accuracy.exact')}</span>}
            <span className={`badge ${p.status === 'active' ? '' : p.status === 'retired' ? 'badge--bad' : 'badge--warn'}`}>{t(`status.${p.status}`)}</span>
            <span className="badge">{p.verified_at ? t('list.verifiedOn', { date: formatDate(p.verified_at, i18n.language) }) : t('list.neverVerified')}</span>
            {p.verification && (
              <span className="badge">
                {t(`checkMethod.${p.verification.method}`)}
                {p.verification.accuracy_m !== null ? ` ±${Math.round(p.verification.accuracy_m)} m` : ''}
                {p.verified_until ? ` · ${t('checkUntil', { date: formatDate(p.verified_until, i18n.language) })}` : ''}
              </span>
            )}
          </div>
        )}
      </header>
      {f && <PointActions feature={f} etag={base?.etag ?? null} unsaved={dirty} />}
      {p?.status === 'retired' ? (
        <p className="notice notice--warn">{t('form.retiredNoEdit')}</p>
      ) : (
        <section className="card" aria-labelledby="form-title">
          <h2 id="form-title">{id === null ? t('form.newTitle') : t('form.editTitle')}</h2>
          <PointForm
            key={`${base?.etag ?? 'new'}#${draft?.n ?? 0}`}
            initial={initial}
            draft={draft?.state}
            onDirtyChange={setDirty}
            isNew={id === null}
            saving={save.isPending}
            error={saveError}
            notice={
              <>
                {conflict && (
                  <ConflictNotice
                    rows={conflictRows}
                    busy={!conflict.latest}
                    onLoadLatest={() => conflict.latest && showLatest(conflict.latest, null)}
                    onApplyMine={() => conflict.latest && showLatest(conflict.latest, conflict.mine)}
                  />
                )}
                {draft && !conflict && dirty && !save.isPending && (
                  <p role="status" className="notice notice--warn">
                    {t('common:conflict.applied')}
                  </p>
                )}
                {warnings.length > 0 && <DuplicateNotice warnings={warnings} />}
                {savedAt && !save.isPending && !save.error && (
                  <p role="status" className="saved-note">
                    {t('form.saved')}
                  </p>
                )}
              </>
            }
            onSubmit={(body, mine, fix) =>
              save.mutate({ body, etag: base?.etag, key: id === null ? keys.keyFor(body) : undefined }, {
                onError: (e) => {
                  if (!(e instanceof ApiError && e.status === 412) || id === null) return;
                  // Keep the entries; fetch the newest version to show what changed.
                  setConflict({ mine, latest: null });
                  fetchStaffPoint(id).then((latest) => setConflict({ mine, latest }), () => setConflict(null));
                },
                onSuccess: async (res) => {
                  setWarnings(res.warnings);
                  setSavedAt(Date.now());
                  setConflict(null);
                  setDraft(null);
                  if (id !== null) setBase({ data: res.feature, etag: res.etag });
                  if (id === null) {
                    pendingWarnings.set(res.feature.id, res.warnings);
                    // Placed on site by a good GPS fix: record that check now, so the place starts exact.
                    if (fix) await verifyNewPoint(res.feature.id, body, fix);
                    goTo('edit', { id: res.feature.id });
                  }
                },
              })
            }
          />
        </section>
      )}
      {f && <PointHistory id={f.id} />}
    </div>
  );
}
