/** The rows of the "changed by someone else" notice for the point form, in the reader's language. */
import type { TFunction } from 'i18next';
import type { ConflictRow } from '../../shared/ConflictNotice';
import { differingKeys } from '../../shared/conflict';
import { bodyFromForm, WEEKDAYS, type FormState } from './formState';
import { showValue } from './diff';
import type { PointBody } from './types';

const FIELDS = ['name', 'type', 'services', 'address', 'phone', 'whatsapp', 'lat', 'lng', 'accuracy', 'opening_hours', 'market_days', 'opens', 'closes', 'status', 'notes'] as const;

function show(field: (typeof FIELDS)[number], body: PointBody, t: TFunction): string {
  const v = body[field as keyof PointBody];
  if (field === 'type' || field === 'status' || field === 'accuracy') return t(`${field === 'type' ? 'types' : field}.${String(v)}`);
  if (field === 'services') return (v as string[]).length ? (v as string[]).map((s) => t(`services.${s}`)).join(', ') : '—';
  if (field === 'opening_hours') {
    const h = v as PointBody['opening_hours'];
    if (!h) return '—';
    const days = WEEKDAYS.filter((d) => h[d]?.length).map((d) => `${t(`daysShort.${d}`)} ${h[d]!.map((s) => `${s.opens}–${s.closes}`).join(', ')}`);
    return days.length ? days.join('; ') : t('history.closedAllWeek');
  }
  if (field === 'market_days') return v ? Object.values(v as Record<string, string[]>).flat().join(', ') : '—';
  return showValue(v);
}

/**
 * The fields someone else changed between the version the form was loaded from (`base`) and the newest
 * stored one (`latest`): each with what the form holds now (`mine`) and what is stored now.
 */
export function pointConflictRows(base: FormState, mine: FormState, latest: FormState, t: TFunction): ConflictRow[] {
  const [b, m, l] = [bodyFromForm(base), bodyFromForm(mine), bodyFromForm(latest)];
  return differingKeys(b, l, FIELDS as unknown as (keyof PointBody)[]).map((k) => {
    const f = k as (typeof FIELDS)[number];
    return { field: f, label: t(`fields.${f}`), mine: show(f, m, t), stored: show(f, l, t) };
  });
}
