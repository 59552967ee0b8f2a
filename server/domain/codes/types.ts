/**
 * The shape of the code registry. Each code names what went wrong (an error, answered with a 4xx) or what a
 * planner or staff member should look at (a warning, returned beside a successful write), and lists the
 * `params` it always sends, so the web can translate it without reading the English `message`.
 */
export interface CodeSpec {
  kind: 'error' | 'warning';
  /** Names of the params every answer with this code carries (a translation may use only these). */
  params: readonly string[];
}

export type CodeTable = Record<string, CodeSpec>;

/** Helpers that keep the area tables short. */
export const error = <P extends readonly string[]>(...params: P) => ({ kind: 'error' as const, params });
export const warning = <P extends readonly string[]>(...params: P) => ({ kind: 'warning' as const, params });
