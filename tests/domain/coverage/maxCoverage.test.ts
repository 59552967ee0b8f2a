import { describe, expect, it } from 'vitest';
import {
  binomialCapped,
  exhaustiveCover,
  greedyCover,
  orderByMarginalGain,
  swapImprove,
  unionSize,
} from '../../../server/domain/coverage/maxCoverage.js';
import { seededRandom } from '../../helpers/random.js';

function randomSets(seed: number) {
  const rand = seededRandom(seed);
  const m = 1 + Math.floor(rand() * 14);
  const n = 1 + Math.floor(rand() * 10);
  const k = 1 + Math.floor(rand() * 4);
  const sets = Array.from({ length: n }, () => {
    const s: number[] = [];
    for (let e = 0; e < m; e++) if (rand() < 0.25) s.push(e);
    return s;
  });
  return { m, n, k, sets };
}

describe('maximum coverage on index sets', () => {
  it('greedy can be beaten, and one swap fixes the classic trap', () => {
    // A = {0,1,2,3} tempts greedy; B ∪ C = {0..5} is better for k = 2.
    const sets = [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]];
    const greedy = greedyCover(sets, 6, 2);
    expect(unionSize(greedy, sets, 6)).toBe(5);
    const swapped = swapImprove(greedy, sets, 6);
    expect(unionSize(swapped, sets, 6)).toBe(6);
    expect(exhaustiveCover(sets, 6, 2)).toEqual([1, 2]);
  });

  it('swap search never does worse than greedy and exhaustive search is optimal, on 1 000 random cases', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const { m, k, sets } = randomSets(seed);
      const greedy = greedyCover(sets, m, k);
      const swapped = swapImprove(greedy, sets, m);
      const exact = exhaustiveCover(sets, m, k)!;
      const g = unionSize(greedy, sets, m);
      const s = unionSize(swapped, sets, m);
      const opt = unionSize(exact, sets, m);
      expect(s, `seed ${seed}`).toBeGreaterThanOrEqual(g);
      expect(opt, `seed ${seed}`).toBeGreaterThanOrEqual(s);
      expect(g, `seed ${seed}`).toBeGreaterThanOrEqual((1 - 1 / Math.E) * opt - 1e-9);
      expect(swapped.length).toBeLessThanOrEqual(k);
      expect(new Set(swapped).size).toBe(swapped.length);
      // Local optimum: no single exchange enlarges the union.
      for (let p = 0; p < swapped.length; p++) {
        for (let c = 0; c < sets.length; c++) {
          if (swapped.includes(c)) continue;
          const trial = swapped.slice();
          trial[p] = c;
          expect(unionSize(trial, sets, m), `seed ${seed}`).toBeLessThanOrEqual(s);
        }
      }
    }
  });

  it('computes binomials exactly and caps them', () => {
    expect(binomialCapped(10, 3, 1e9)).toBe(120);
    expect(binomialCapped(72, 5, 1e12)).toBe(13991544);
    expect(binomialCapped(3000, 5, 20_000)).toBe(Infinity);
    expect(binomialCapped(4, 0, 10)).toBe(1);
    expect(binomialCapped(3, 5, 10)).toBe(0);
  });

  it('orders chosen sets by marginal gain, largest first', () => {
    const sets = [[0], [0, 1, 2], [2, 3]];
    expect(orderByMarginalGain([0, 1, 2], sets, 4)).toEqual([1, 2, 0]);
  });
});
