import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VillageFeature } from '../../api/types';
import { normalize, searchVillages } from './villageSearch';

/** "Kabupaten Gianyar" → "Kab. Gianyar" (Kota stays): short enough for an option line. */
function shortRegency(name: string | undefined): string {
  return (name ?? '').replace(/^Kabupaten /, 'Kab. ');
}

export interface VillagePickerProps {
  villages: VillageFeature[] | undefined;
  loading: boolean;
  failed: boolean;
  onPick: (village: VillageFeature) => void;
  /** Focus the input on mount (when the user asked to change the village). */
  autoFocus?: boolean;
}

/**
 * A searchable village picker following the ARIA 1.2 combobox pattern: a labelled text input, a listbox of
 * matches ("Bunutin (Bangli)") that arrow keys move through, Enter picks, Escape closes.
 */
export function VillagePicker({ villages, loading, failed, onPick, autoFocus }: VillagePickerProps) {
  const { t } = useTranslation('finder');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const items = useMemo(() => (villages ?? []).map((f) => ({ feature: f, name: f.properties.name, district_name: f.properties.district_name })), [villages]);
  const matches = useMemo(() => searchVillages(items, query), [items, query]);
  // With several kabupaten loaded (JANGKAU_REGIONS), a name that occurs more than once also names its kabupaten,
  // and every option's detail line does.
  const multiRegion = useMemo(() => new Set(items.map((i) => i.feature.properties.regency_code)).size > 1, [items]);
  const repeated = useMemo(() => {
    const seen = new Map<string, number>();
    for (const i of items) seen.set(normalize(i.name), (seen.get(normalize(i.name)) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
  }, [items]);
  const label = (v: VillageFeature) =>
    multiRegion && repeated.has(normalize(v.properties.name))
      ? t('place.villageOptionRegency', { name: v.properties.name, district: v.properties.district_name, regency: shortRegency(v.properties.regency_name) })
      : t('place.villageOption', { name: v.properties.name, district: v.properties.district_name });
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const expanded = open && matches.length > 0;

  useEffect(
    function keepActiveOptionVisible() {
      if (active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
    },
    [active, id],
  );

  function pick(v: VillageFeature) {
    setQuery(label(v));
    setOpen(false);
    setActive(-1);
    onPick(v);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const choice = matches[active] ?? (matches.length === 1 ? matches[0] : undefined);
      if (open && choice) {
        e.preventDefault();
        pick(choice.feature);
      }
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
      setActive(-1);
    }
  }

  return (
    <div className="village-picker">
      <label htmlFor={`${id}-input`} className="village-picker__label">
        {t('place.villageLabel')}
      </label>
      <p id={hintId} className="village-picker__hint muted">
        {loading ? t('place.villagesLoading') : failed ? t('place.villagesError') : t('place.villageHint')}
      </p>
      <div className="village-picker__box">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={t('place.villagePlaceholder')}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
          autoFocus={autoFocus}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={t('place.villageLabel')} className="village-picker__list" hidden={!expanded}>
          {expanded &&
            matches.map((m, i) => (
              <li
                key={m.feature.properties.code}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className="village-picker__option"
                // mousedown, not click: picking must happen before the input's blur closes the list
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m.feature);
                }}
              >
                <span className="village-picker__name">{label(m.feature)}</span>
                <span className="village-picker__detail">
                  {multiRegion
                    ? t('place.villageDetailRegency', { kind: t(`place.kind.${m.feature.properties.kind}`), district: m.feature.properties.district_name, regency: shortRegency(m.feature.properties.regency_name) })
                    : t('place.villageDetail', { kind: t(`place.kind.${m.feature.properties.kind}`), district: m.feature.properties.district_name })}
                </span>
              </li>
            ))}
        </ul>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {open && query && villages ? (matches.length ? t('place.optionsCount', { count: matches.length }) : t('place.noVillageMatch', { query })) : ''}
      </p>
      {open && query && villages && matches.length === 0 && (
        <p className="village-picker__none muted" aria-hidden="true">
          {t('place.noVillageMatch', { query })}
        </p>
      )}
    </div>
  );
}
