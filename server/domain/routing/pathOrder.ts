/**
 * Ordering stops into a short OPEN path (the team does not return to where it started).
 * Works on indices 0..n-1 and a symmetric cost function so it is testable without geography.
 * The start position, when there is one, is the pseudo-node START (-1): it is always first and never moves.
 */

/** The pseudo-node for the start position. */
export const START = -1;

/** Cost (e.g. metres) between two nodes; either may be START. Must be symmetric. */
export type CostFn = (a: number, b: number) => number;

/** Improvements smaller than this are float noise; ignoring them guarantees 2-opt terminates. */
const EPS = 1e-9;

/** Total cost of visiting `order` in sequence, beginning at START when `hasStart`. */
export function pathCost(order: readonly number[], cost: CostFn, hasStart: boolean): number {
  let total = 0;
  let prev = hasStart ? START : order[0];
  for (let i = hasStart ? 0 : 1; i < order.length; i++) {
    total += cost(prev, order[i]);
    prev = order[i];
  }
  return total;
}

/** Greedy chain from `first`: always go to the nearest unvisited node (ties: lowest index). */
function chainFrom(first: number, n: number, cost: CostFn): number[] {
  const visited = new Uint8Array(n);
  const order: number[] = [];
  let cur = first;
  if (first !== START) {
    visited[first] = 1;
    order.push(first);
  }
  while (order.length < n) {
    let best = -1;
    let bestCost = Infinity;
    for (let j = 0; j < n; j++) {
      if (visited[j]) continue;
      const c = cost(cur, j);
      if (c < bestCost) { bestCost = c; best = j; }
    }
    visited[best] = 1;
    order.push(best);
    cur = best;
  }
  return order;
}

/**
 * Nearest-neighbour order of n nodes. With a start: greedy from START. Without one the path may begin
 * anywhere, so every node is tried as the first and the cheapest chain wins (ties: lowest first index).
 */
export function nearestNeighbourOrder(n: number, cost: CostFn, hasStart: boolean): number[] {
  if (n === 0) return [];
  if (hasStart) return chainFrom(START, n, cost);
  let best: number[] = [];
  let bestCost = Infinity;
  for (let first = 0; first < n; first++) {
    const order = chainFrom(first, n, cost);
    const c = pathCost(order, cost, false);
    if (c < bestCost - EPS) { bestCost = c; best = order; }
  }
  return best;
}

/**
 * 2-opt for an open path: reverse any run order[i..j] while that strictly shortens the path.
 * Because the path is open, reversing a run that ends at the last stop (or, without a start, begins at
 * the first) is a valid move that only swaps one edge. Returns a new array; never longer than the input.
 */
export function twoOpt(input: readonly number[], cost: CostFn, hasStart: boolean): number[] {
  const p = input.slice();
  while (twoOptPass(p, cost, hasStart));
  return p;
}

/** One sweep of first-improvement 2-opt moves on `p` in place; true if anything improved. */
function twoOptPass(p: number[], cost: CostFn, hasStart: boolean): boolean {
  const n = p.length;
  let improved = false;
  for (let i = 0; i < n - 1; i++) {
    const before = i > 0 ? p[i - 1] : hasStart ? START : null;
    for (let j = i + 1; j < n; j++) {
      const after = j < n - 1 ? p[j + 1] : null;
      if (before === null && after === null) continue; // reversing the whole start-less path changes nothing
      const removed = (before !== null ? cost(before, p[i]) : 0) + (after !== null ? cost(p[j], after) : 0);
      const added = (before !== null ? cost(before, p[j]) : 0) + (after !== null ? cost(p[i], after) : 0);
      if (added < removed - EPS) {
        for (let a = i, b = j; a < b; a++, b--) [p[a], p[b]] = [p[b], p[a]];
        improved = true;
      }
    }
  }
  return improved;
}

/** Longest run of consecutive stops an Or-opt move relocates; 3 is the classic choice. */
const OR_OPT_MAX_RUN = 3;

/**
 * One sweep of first-improvement Or-opt moves on `p` in place: move a run of 1–3 consecutive stops,
 * either way round, to another place in the path. Needed because 2-opt alone gets stuck when the
 * start lies between stops: on a line with the start in the middle it may go to the nearer stop first
 * and then never "go back for" the stops behind it, which a segment reversal cannot fix.
 */
function orOptPass(p: number[], cost: CostFn, hasStart: boolean): boolean {
  const n = p.length;
  const c = (a: number | null, b: number | null) => (a === null || b === null ? 0 : cost(a, b));
  for (let len = 1; len <= Math.min(OR_OPT_MAX_RUN, n - 1); len++) {
    for (let i = 0; i + len <= n; i++) {
      const prev = i > 0 ? p[i - 1] : hasStart ? START : null;
      const next = i + len < n ? p[i + len] : null;
      const first = p[i];
      const last = p[i + len - 1];
      const gain = c(prev, first) + c(last, next) - c(prev, next);
      const rest = [...p.slice(0, i), ...p.slice(i + len)];
      // Insert before rest[k] (k = rest.length: at the end); k = i is where the run came from.
      for (let k = 0; k <= rest.length; k++) {
        const a = k > 0 ? rest[k - 1] : hasStart ? START : null;
        const b = k < rest.length ? rest[k] : null;
        for (const reversed of [false, true]) {
          if (k === i && !reversed) continue;
          const [head, tail] = reversed ? [last, first] : [first, last];
          const cost2 = c(a, head) + c(tail, b) - c(a, b);
          if (cost2 < gain - EPS) {
            const run = p.slice(i, i + len);
            if (reversed) run.reverse();
            rest.splice(k, 0, ...run);
            for (let t = 0; t < n; t++) p[t] = rest[t];
            return true; // the indices above are stale now; the caller sweeps again
          }
        }
      }
    }
  }
  return false;
}

/**
 * Nearest neighbour, then local search (2-opt and Or-opt sweeps until neither improves): a short
 * OPEN path over n nodes (indices), starting at START if `hasStart`; the team does not return.
 * Never longer than nearest neighbour alone, and a local optimum under both move types.
 */
export function shortOpenPath(n: number, cost: CostFn, hasStart: boolean): number[] {
  const p = nearestNeighbourOrder(n, cost, hasStart);
  for (;;) {
    const a = twoOptPass(p, cost, hasStart);
    const b = orOptPass(p, cost, hasStart);
    if (!a && !b) return p;
  }
}
