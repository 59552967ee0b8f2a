import type { PointProps } from '../../api/types';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

/** A run of consecutive weekdays that share the same opening spans. */
export interface HoursGroup {
  from: Weekday;
  to: Weekday;
  spans: { opens: string; closes: string }[];
}

/**
 * Groups weekly opening hours into runs of days with identical spans (Mon–Fri 08:00–16:00, Sat 08:00–12:00),
 * skipping closed days, so a phone shows one short line instead of seven.
 */
export function groupOpeningHours(hours: NonNullable<PointProps['opening_hours']>): HoursGroup[] {
  const groups: HoursGroup[] = [];
  let prevKey = '';
  for (const day of WEEKDAYS) {
    const spans = hours[day] ?? [];
    const key = spans.map((s) => `${s.opens}-${s.closes}`).join(',');
    const last = groups[groups.length - 1];
    if (spans.length && last && key === prevKey && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1) last.to = day;
    else if (spans.length) groups.push({ from: day, to: day, spans });
    prevKey = key;
  }
  return groups;
}
