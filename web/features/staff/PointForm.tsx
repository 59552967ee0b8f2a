import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import type { LngLat, PointProps } from '../../api/types';
import { POINT_TYPES, SERVICES } from '../../../server/domain/points/vocabulary';
import { PinMap } from './PinMap';
import { NoStreetMap } from './NoStreetMap';
import { NewPointGps } from './NewPointGps';
import type { GpsFix } from './useGpsFix';
import { MAX_GPS_ACCURACY_M } from '../../../server/domain/points/verification';
import { useClientConfig } from '../../api/hooks';
import { HoursEditor } from './HoursEditor';
import { MarketDaysEditor } from './MarketDaysEditor';
import { FieldError } from './FieldError';
import { bodyFromForm, formatCoord, parseCoord, type FormState } from './formState';
import type { PointBody } from './types';

/** Form fields the server may name in `error.field`; anything else is shown above the save button. */
const KNOWN_FIELDS = ['name', 'type', 'lat', 'lng', 'services', 'address', 'phone', 'whatsapp', 'opening_hours', 'market_days', 'opens', 'closes', 'status', 'accuracy', 'notes'] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];

/** The server's field name ("opening_hours.mon[0].opens", "position") mapped to the form input it belongs to. */
export function formFieldOf(field: string | undefined): KnownField | null {
  if (!field) return null;
  const head = field.split(/[.[]/)[0];
  if (head === 'position' || head === 'coordinates' || head === 'geometry') return 'lat';
  return (KNOWN_FIELDS as readonly string[]).includes(head) ? (head as KnownField) : null;
}

function TextField({ id, label, value, onChange, error, type = 'text', required, autoComplete, hint, multiline }: {
  id: KnownField; label: string; value: string; onChange: (v: string) => void; error: ReactNode; type?: string; required?: boolean; autoComplete?: string; hint?: ReactNode; multiline?: boolean;
}) {
  const describedBy = [error ? `err-${id}` : '', hint ? `hint-${id}` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id: `pf-${id}`, value, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  return (
    <div className="field">
      <label htmlFor={`pf-${id}`}>{label}</label>
      {multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />}
      {hint && (
        <p id={`hint-${id}`} className="muted small">
          {hint}
        </p>
      )}
      <FieldError id={`err-${id}`} message={error} />
    </div>
  );
}

export interface PointFormProps {
  initial: FormState;
  isNew: boolean;
  saving: boolean;
  /** The last save error from the server, if any. */
  error: Error | null;
  /**
   * Called with the API body and the form state it was made from (kept by the editor if the save meets a 412), and
   * `fix`: for a new point placed by a good GPS fix (±50 m or better) and not moved since, the fix to record as its check.
   */
  onSubmit: (body: PointBody, state: FormState, fix?: GpsFix) => void;
  /** The state to start from instead of `initial` (the user's entries put on top of a newer version). */
  draft?: FormState;
  /** Rendered between the form fields and the save button (e.g. duplicate warnings). */
  notice?: ReactNode;
  /** Told whether the form differs from `initial` (unsaved changes). */
  onDirtyChange?: (dirty: boolean) => void;
}

/** Create/edit form of a service point: fields, weekly hours, market days and a map pin kept in sync with lat/lng. */
export function PointForm({ initial, draft, isNew, saving, error, onSubmit, notice, onDirtyChange }: PointFormProps) {
  const { t } = useTranslation('staff');
  const [s, setS] = useState<FormState>(draft ?? initial);
  const [localError, setLocalError] = useState<{ field: KnownField; message: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Fields edited since the server's last answer: their server error is stale, so it goes as soon as the cause is fixed.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [error]);
  const patch = useCallback((p: Partial<FormState>) => {
    setS((prev) => ({ ...prev, ...p }));
    setEdited((prev) => new Set([...prev, ...Object.keys(p)]));
  }, []);
  // A pin moved or typed by hand is a guess until checked (SiteCheck); the server refuses "exact" for it.
  const onPinMove = useCallback((p: LngLat) => setS((prev) => ({ ...prev, lng: formatCoord(p[0]), lat: formatCoord(p[1]), accuracy: 'approximate' })), []);
  const config = useClientConfig();
  const streetTiles = Boolean(config.data?.tile_url);
  // "exact" can only be kept (an unmoved checked point), never chosen here.
  const canKeepExact = initial.accuracy === 'exact' && s.lat === initial.lat && s.lng === initial.lng;
  const [gpsFix, setGpsFix] = useState<GpsFix | null>(null);
  const onGpsFix = useCallback((fix: GpsFix, p: LngLat) => {
    setGpsFix(fix);
    onPinMove(p);
  }, [onPinMove]);

  const serverField = error instanceof ApiError ? formFieldOf(error.field) : null;
  // The server's field names read as the labels this form shows; the message itself is translated.
  const labels: Record<string, string> = {
    ...Object.fromEntries(KNOWN_FIELDS.map((f) => [f, t(`form.${f}`, { defaultValue: '' })]).filter(([, l]) => l)),
    opening_hours: t('form.hours'),
    market_days: t('form.marketDays'),
  };
  const serverText = error ? <ApiErrorText error={error} labels={labels} /> : null;
  const errorFor = (f: KnownField): ReactNode =>
    localError?.field === f ? localError.message : serverField === f && !edited.has(f) ? serverText : null;
  const generalError = error && !serverField ? serverText : null;

  // Move focus to the first field the server complained about, so a keyboard or screen-reader user hears it.
  useEffect(
    function focusBadField() {
      const f = localError?.field ?? serverField;
      if (!f) return;
      const el = formRef.current?.querySelector<HTMLElement>(`#pf-${f}, [aria-describedby~="err-${f}"] input`);
      el?.focus({ preventScroll: true });
      // Centre the whole field (label, input, message) so the sticky save bar does not hide the message.
      (el?.closest('.field, .fieldset') ?? el)?.scrollIntoView({ block: 'center' });
    },
    [error, localError, serverField],
  );

  const dirty = JSON.stringify(s) !== JSON.stringify(initial);
  useEffect(
    function reportDirty() {
      onDirtyChange?.(dirty);
    },
    [dirty, onDirtyChange],
  );

  const lat = parseCoord(s.lat);
  const lng = parseCoord(s.lng);
  const pin: LngLat | null = Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? [lng, lat] : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!s.name.trim()) return setLocalError({ field: 'name', message: t('form.nameRequired') });
    if (!Number.isFinite(lat)) return setLocalError({ field: 'lat', message: t('form.coordInvalid', { value: s.lat }) });
    if (!Number.isFinite(lng)) return setLocalError({ field: 'lng', message: t('form.coordInvalid', { value: s.lng }) });
    setLocalError(null);
    const fixStands = gpsFix !== null && gpsFix.accuracyM <= MAX_GPS_ACCURACY_M && s.lat === formatCoord(gpsFix.lat) && s.lng === formatCoord(gpsFix.lng);
    onSubmit(bodyFromForm(s), s, fixStands ? gpsFix : undefined);
  };

  const toggleService = (svc: PointProps['services'][number], on: boolean) =>
    patch({ services: on ? SERVICES.filter((x) => x === svc || s.services.includes(x)) : s.services.filter((x) => x !== svc) });

  return (
    <form ref={formRef} className="stack point-form" onSubmit={submit} noValidate aria-label={isNew ? t('form.newTitle') : t('form.editTitle')}>
      <div className="point-form__grid">
        <div className="stack">
          <TextField id="name" label={t('form.name')} value={s.name} onChange={(v) => patch({ name: v })} error={errorFor('name')} required />
          <div className="field">
            <label htmlFor="pf-type">{t('form.type')}</label>
            <select id="pf-type" value={s.type} onChange={(e) => patch({ type: e.target.value as FormState['type'] })} aria-invalid={errorFor('type') ? true : undefined} aria-describedby={errorFor('type') ? 'err-type' : undefined}>
              {POINT_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`vocab:types.${ty}`)}
                </option>
              ))}
            </select>
            <FieldError id="err-type" message={errorFor('type')} />
          </div>
          <fieldset className="fieldset" aria-describedby={errorFor('services') ? 'err-services' : undefined}>
            <legend>{t('form.services')}</legend>
            <div className="cycle__names">
              {SERVICES.map((svc) => (
                <label key={svc} className="check check--chip">
                  <input type="checkbox" checked={s.services.includes(svc)} onChange={(e) => toggleService(svc, e.target.checked)} />
                  {t(`vocab:services.${svc}`)}
                </label>
              ))}
            </div>
            <FieldError id="err-services" message={errorFor('services')} />
          </fieldset>
          <TextField id="address" label={t('form.address')} value={s.address} onChange={(v) => patch({ address: v })} error={errorFor('address')} autoComplete="off" />
          <div className="grid-2">
            <TextField id="phone" label={t('form.phone')} type="tel" value={s.phone} onChange={(v) => patch({ phone: v })} error={errorFor('phone')} autoComplete="off" />
            <TextField id="whatsapp" label={t('form.whatsapp')} type="tel" value={s.whatsapp} onChange={(v) => patch({ whatsapp: v })} error={errorFor('whatsapp')} autoComplete="off" />
          </div>
        </div>
        <div className="stack">
          <fieldset className="fieldset" aria-describedby="pin-help">
            <legend>{t('form.location')}</legend>
            <p id="pin-help" className="muted small">
              {config.isSuccess && !streetTiles ? t('form.pinHelpNoTiles') : t('form.pinHelp')}
            </p>
            <PinMap label={t('form.mapLabel')} pinLabel={t('form.pinLabel')} position={pin} onMove={onPinMove} />
            {isNew && <NewPointGps onFix={onGpsFix} />}
            {config.isSuccess && !streetTiles && <NoStreetMap isNew={isNew} onMove={onPinMove} />}
            <div className="grid-2">
              <TextField id="lat" label={t('form.lat')} value={s.lat} onChange={(v) => patch({ lat: v, accuracy: 'approximate' })} error={errorFor('lat')} autoComplete="off" />
              <TextField id="lng" label={t('form.lng')} value={s.lng} onChange={(v) => patch({ lng: v, accuracy: 'approximate' })} error={errorFor('lng')} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="pf-accuracy">{t('form.accuracy')}</label>
              <select id="pf-accuracy" value={s.accuracy} onChange={(e) => patch({ accuracy: e.target.value as FormState['accuracy'] })} aria-describedby={`hint-accuracy${errorFor('accuracy') ? ' err-accuracy' : ''}`}>
                {canKeepExact && <option value="exact">{t('accuracy.exact')}</option>}
                <option value="approximate">{t('accuracy.approximate')}</option>
              </select>
              <p id="hint-accuracy" className="muted small">
                {t('accuracyHint')}
              </p>
              <FieldError id="err-accuracy" message={errorFor('accuracy')} />
            </div>
          </fieldset>
        </div>
      </div>
      <HoursEditor state={s} onChange={patch} error={errorFor('opening_hours')} errorDay={error instanceof ApiError ? /^opening_hours\.(\w+)/.exec(error.field ?? '')?.[1] : null} />
      <MarketDaysEditor state={s} onChange={patch} errors={{ market_days: errorFor('market_days'), opens: errorFor('opens'), closes: errorFor('closes') }} />
      <div className="field">
        <label htmlFor="pf-status">{t('form.status')}</label>
        <select id="pf-status" value={s.status} onChange={(e) => patch({ status: e.target.value as FormState['status'] })} aria-describedby={errorFor('status') ? 'err-status' : undefined}>
          <option value="active">{t('status.active')}</option>
          <option value="temporarily_closed">{t('status.temporarily_closed')}</option>
        </select>
        <FieldError id="err-status" message={errorFor('status')} />
      </div>
      <TextField id="notes" label={t('form.notes')} value={s.notes} onChange={(v) => patch({ notes: v })} error={errorFor('notes')} multiline />
      {notice}
      {generalError && (
        <p role="alert" className="error-text">
          {generalError}
        </p>
      )}
      {(serverField || localError) && (
        <p role="alert" className="visually-hidden">
          {errorFor(localError?.field ?? serverField!)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={saving} aria-describedby={saving ? 'pf-saving' : undefined}>
          {isNew ? t('form.create') : t('form.save')}
        </button>
        {saving && (
          <span id="pf-saving" role="status" className="form-actions__status">
            {t('form.saving')}
          </span>
        )}
      </div>
    </form>
  );
}
