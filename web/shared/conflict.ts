/**
 * Merging a form after a 412 (someone else saved since the form was loaded): pure helpers shared by the
 * staff point form and the planner's visit form.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The keys (of `keys`) whose values differ between `a` and `b`. */
export function differingKeys<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): (keyof T)[] {
  return keys.filter((k) => !same(a[k], b[k]));
}

/**
 * The user's changes applied on top of the newest version: a field the user changed (mine ≠ base) keeps
 * the user's value, every other field takes the newest stored value.
 */
export function rebase<T extends object>(base: T, mine: T, latest: T): T {
  const out = { ...latest };
  for (const k of Object.keys(mine) as (keyof T)[]) if (!same(mine[k], base[k])) out[k] = mine[k];
  return out;
}
