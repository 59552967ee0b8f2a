import type { CodeTable } from './types.js';

/** Event companion: check-ins, quizzes, interest and feedback (issue 11). */
export const EVENTS_CODES = {} as const satisfies CodeTable;
