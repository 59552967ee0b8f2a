/** Outreach visits: series expansion, conflict warnings and the iCalendar feed. */
export * from './types.js';
export * from './wita.js';
export * from './expand.js';
export * from './conflicts.js';
export * from './ics.js';
