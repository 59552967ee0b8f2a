import type { WorkBudget } from './workBudget.js';

/**
 * Maximum coverage on index sets: choose at most k of the sets so their union is as large as possible.
 * sets[i] lists the element indices (0..m-1) that candidate i covers, without repeats. Ties are broken
 * by candidate index, so callers sort candidates (e.g. by point_id) to make results deterministic.
 */

/** Size of the union of the chosen sets. */
export function unionSize(chosen: readonly number[], sets: readonly (readonly number[])[], m: number): number {
  const seen = new Uint8Array(m);
  let n = 0;
  for (const c of chosen) for (const e of sets[c]) if (!seen[e]) { seen[e] = 1; n++; }
  return n;
}

/**
 * Plain greedy: repeatedly take the set adding the most new elements (ties: lowest index).
 * Stops early when no set adds anything, so it may return fewer than k. Achieves ≥ (1 − 1/e) of optimum.
 */
export function greedyCover(sets: readonly (readonly number[])[], m: number, k: number, budget?: WorkBudget): number[] {
  const covered = new Uint8Array(m);
  const taken = new Uint8Array(sets.length);
  const chosen: number[] = [];
  while (chosen.length < k) {
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < sets.length; i++) {
      if (taken[i]) continue;
      // Greedy always finishes (the caller sizes the problem so it fits); the budget only counts its work.
      budget?.charge(sets[i].length + 1);
      let gain = 0;
      for (const e of sets[i]) if (!covered[e]) gain++;
      if (gain > bestGain) { bestGain = gain; best = i; }
    }
    if (best < 0) break;
    taken[best] = 1;
    chosen.push(best);
    for (const e of sets[best]) covered[e] = 1;
  }
  return chosen;
}

/**
 * 1-swap local search: replace a chosen set by an unchosen one while that strictly enlarges the union
 * (first improvement, scanning chosen then candidates in index order). The union never shrinks, so the
 * result is never worse than the input, and it ends at a local optimum under single swaps.
 * Terminates because every swap adds at least one element and there are m. With a `budget` (one unit per
 * element visited), it stops when the budget runs out: `complete` is then false and the answer is still
 * never worse than the input, but may not be a local optimum.
 */
export function swapImprove(start: readonly number[], sets: readonly (readonly number[])[], m: number, budget?: WorkBudget): number[] & { complete?: boolean } {
  const chosen = start.slice();
  const count = new Int32Array(m); // how many chosen sets cover each element
  const isChosen = new Uint8Array(sets.length);
  const inOut = new Uint8Array(m); // marks the elements of the set being swapped out
  for (const c of chosen) { isChosen[c] = 1; for (const e of sets[c]) count[e]++; }
  let improved = true;
  let complete = true;
  while (improved && complete) {
    improved = false;
    for (let p = 0; p < chosen.length && !improved && complete; p++) {
      const out = chosen[p];
      let lost = 0; // elements only `out` covers
      for (const e of sets[out]) { inOut[e] = 1; if (count[e] === 1) lost++; }
      for (let c = 0; c < sets.length; c++) {
        if (isChosen[c]) continue;
        if (budget && !budget.trySpend(sets[c].length + 1)) { complete = false; break; }
        let won = 0; // elements uncovered once `out` leaves
        for (const e of sets[c]) if (count[e] === 0 || (count[e] === 1 && inOut[e])) won++;
        if (won > lost) {
          for (const e of sets[out]) count[e]--;
          for (const e of sets[c]) count[e]++;
          isChosen[out] = 0;
          isChosen[c] = 1;
          chosen[p] = c;
          improved = true;
          break;
        }
      }
      for (const e of sets[out]) inOut[e] = 0;
    }
  }
  return Object.assign(chosen, { complete });
}

/**
 * Exact optimum by trying every combination of min(k, n) sets; the first best in lexicographic index order wins.
 * With a `budget` (one unit per set added to the combination under test, plus one per element), gives up and
 * returns null when the budget runs out.
 */
export function exhaustiveCover(sets: readonly (readonly number[])[], m: number, k: number, budget?: WorkBudget): number[] | null {
  const n = sets.length;
  const size = Math.min(k, n);
  const count = new Int32Array(m);
  const combo: number[] = [];
  let covered = 0;
  let best = -1;
  let bestCombo: number[] = [];
  let outOfBudget = false;
  const visit = (from: number): void => {
    if (combo.length === size) {
      if (covered > best) { best = covered; bestCombo = combo.slice(); }
      return;
    }
    for (let i = from; i <= n - (size - combo.length) && !outOfBudget; i++) {
      if (budget && !budget.trySpend(sets[i].length + 1)) { outOfBudget = true; return; }
      for (const e of sets[i]) if (count[e]++ === 0) covered++;
      combo.push(i);
      visit(i + 1);
      combo.pop();
      for (const e of sets[i]) if (--count[e] === 0) covered--;
    }
  };
  visit(0);
  return outOfBudget ? null : bestCombo;
}

/** C(n, k), or Infinity once it exceeds `cap` (so huge n never overflows). */
export function binomialCapped(n: number, k: number, cap: number): number {
  if (k < 0 || k > n) return 0;
  const r = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= r; i++) {
    c = (c * (n - r + i)) / i; // stays an integer: it is C(n - r + i, i)
    if (c > cap) return Infinity;
  }
  return c;
}

/** Order chosen sets by marginal gain, largest first (ties: lowest index), so credit goes to the strongest site. */
export function orderByMarginalGain(chosen: readonly number[], sets: readonly (readonly number[])[], m: number): number[] {
  const left = chosen.slice().sort((a, b) => a - b);
  const covered = new Uint8Array(m);
  const out: number[] = [];
  while (left.length > 0) {
    let bestAt = 0;
    let bestGain = -1;
    left.forEach((c, at) => {
      let g = 0;
      for (const e of sets[c]) if (!covered[e]) g++;
      if (g > bestGain) { bestGain = g; bestAt = at; }
    });
    const [c] = left.splice(bestAt, 1);
    out.push(c);
    for (const e of sets[c]) covered[e] = 1;
  }
  return out;
}
