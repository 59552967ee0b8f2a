/**
 * Expands an .ics feed with the real ical.js parser, the way a calendar client does: VTIMEZONEs are
 * registered, each UID's master is expanded through RRULE/EXDATE, and RECURRENCE-ID events replace
 * the instances they name.
 */
import ICAL from 'ical.js';

export interface ParsedOccurrence {
  uid: string;
  startMs: number;
  endMs: number;
  summary: string;
}

export function expandIcs(text: string, maxInstancesPerEvent = 5000): ParsedOccurrence[] {
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of vcalendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
  for (const vevent of vcalendar.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid'));
    const group = byUid.get(uid) ?? { exceptions: [] };
    if (vevent.hasProperty('recurrence-id')) group.exceptions.push(vevent);
    else if (group.master) throw new Error(`two master events share UID ${uid}`);
    else group.master = vevent;
    byUid.set(uid, group);
  }
  const out: ParsedOccurrence[] = [];
  for (const [uid, { master, exceptions }] of byUid) {
    if (!master) throw new Error(`RECURRENCE-ID without a master event for UID ${uid}`);
    // Without `exceptions`, ical.js relates EVERY RECURRENCE-ID event of the calendar to this master,
    // whatever its UID; calendar clients match by UID, so pass this UID's exceptions, strictly.
    const event = new ICAL.Event(master, { strictExceptions: true, exceptions });
    if (!event.isRecurring()) {
      out.push({ uid, startMs: event.startDate.toJSDate().getTime(), endMs: event.endDate.toJSDate().getTime(), summary: event.summary });
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(), n = 0; next; next = it.next(), n++) {
      if (n > maxInstancesPerEvent) throw new Error(`UID ${uid} does not end`);
      const details = event.getOccurrenceDetails(next);
      out.push({
        uid,
        startMs: details.startDate.toJSDate().getTime(),
        endMs: details.endDate.toJSDate().getTime(),
        summary: details.item.summary,
      });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}
