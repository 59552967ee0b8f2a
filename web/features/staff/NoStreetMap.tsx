import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LngLat } from '../../api/types';
import { parseCoordinates } from '../../../server/domain/geo/parseCoordinates';
import { formatCoord } from './formState';

/**
 * Said plainly under a pin map without street tiles: the map shows only boundaries, so a dragged pin is a guess.
 * Offers typed or pasted coordinates ("-8.4512, 115.3541" or a map app's share link) instead.
 */
export function NoStreetMap({ isNew, onMove }: { isNew: boolean; onMove: (p: LngLat) => void }) {
  const { t } = useTranslation('staff');
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ ok: true; p: LngLat } | { ok: false } | null>(null);
  const use = () => {
    const p = parseCoordinates(text);
    setResult(p ? { ok: true, p } : { ok: false });
    if (p) onMove(p);
  };
  return (
    <div className="notice notice--warn stack no-street-map" role="note" aria-labelledby="no-street-map-title">
      <p>
        <strong id="no-street-map-title">{t('noTiles.title')}</strong>
      </p>
      <p className="small">{isNew ? t('noTiles.bodyNew') : t('noTiles.body')}</p>
      <div className="field">
        <label htmlFor="pf-paste">{t('noTiles.paste')}</label>
        <div className="row no-street-map__paste">
          <input
            id="pf-paste" type="text" inputMode="text" autoComplete="off" value={text} placeholder="-8.4512, 115.3541"
            aria-describedby="pf-paste-hint pf-paste-result"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault(); // Enter here means "use these coordinates", not "save the form"
                use();
              }
            }}
          />
          <button type="button" className="btn btn--ghost" onClick={use}>
            {t('noTiles.use')}
          </button>
        </div>
        <p id="pf-paste-hint" className="muted small">
          {t('noTiles.pasteHint')}
        </p>
        <p id="pf-paste-result" className={result?.ok === false ? 'error-text small' : 'small'} role={result ? 'status' : undefined}>
          {result?.ok === false ? t('noTiles.pasteInvalid') : result?.ok ? t('noTiles.pasted', { lat: formatCoord(result.p[1]), lng: formatCoord(result.p[0]) }) : ''}
        </p>
      </div>
    </div>
  );
}
