/** The Balinese pawukon calendar and market-day rules over 'YYYY-MM-DD' civil dates in Bali (WITA). */
export * from './dates.js';
export * from './pawukon.js';
export * from './holyDays.js';
export * from './marketDays.js';
