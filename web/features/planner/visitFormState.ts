/** The planner visit form's editable state (as its inputs hold it), its API body and its conflict rows. */
import type { TFunction } from 'i18next';
import type { Activity, Visit, VisitStatus } from '../../api/types';
import type { ConflictRow } from '../../shared/ConflictNotice';
import { differingKeys } from '../../shared/conflict';
import { witaDateOf, witaHhmm, witaIso } from '../../shared/wita';

export interface VisitFormState {
  title: string;
  day: string;
  start: string;
  end: string;
  activities: Activity[];
  team: string;
  capacity: string;
  notes: string;
  status: VisitStatus;
}

const KEYS: (keyof VisitFormState)[] = ['title', 'day', 'start', 'end', 'activities', 'team', 'capacity', 'notes', 'status'];

/** The form state of a stored visit, series or occurrence. */
export function visitFormOf(v: Visit): VisitFormState {
  return {
    title: v.title, day: witaDateOf(v.starts_at), start: witaHhmm(v.starts_at), end: witaHhmm(v.ends_at), activities: [...v.activities] as Activity[],
    team: v.team ?? '', capacity: v.capacity ? String(v.capacity) : '', notes: v.notes ?? '', status: v.status as VisitStatus,
  };
}

/** The fields of the API body (POST or PATCH) from the form. */
export function visitFields(s: VisitFormState) {
  return {
    title: s.title.trim(),
    activities: s.activities,
    starts_at: witaIso(s.day, s.start),
    ends_at: witaIso(s.day, s.end),
    status: s.status,
    ...(s.team.trim() ? { team: s.team.trim() } : {}),
    ...(s.capacity.trim() ? { capacity: Number(s.capacity) } : {}),
    ...(s.notes.trim() ? { notes: s.notes.trim() } : {}),
  };
}

/** What someone else changed between `base` and `latest`, with the user's entry and the stored value, labelled. */
export function visitConflictRows(base: VisitFormState, mine: VisitFormState, latest: VisitFormState, t: TFunction, tv: TFunction): ConflictRow[] {
  const label: Record<keyof VisitFormState, string> = {
    title: t('form.title'), day: t('form.date'), start: t('form.start'), end: t('form.end'), activities: t('form.activities'),
    team: t('form.team'), capacity: t('form.capacity'), notes: t('form.notes'), status: t('form.status'),
  };
  const show = (k: keyof VisitFormState, s: VisitFormState): string => {
    if (k === 'activities') return s.activities.map((a) => tv(`activity.${a}`)).join(', ') || '—';
    if (k === 'status') return tv(`status.${s.status}`);
    return String(s[k]).trim() || '—';
  };
  return differingKeys(base, latest, KEYS).map((k) => ({ field: k, label: label[k], mine: show(k, mine), stored: show(k, latest) }));
}
