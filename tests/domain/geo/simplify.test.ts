import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { simplifyPolygon } from '../../../server/domain/geo/simplify.js';
import { ROOT_DIR } from '../../../server/config.js';

const villages = JSON.parse(readFileSync(join(ROOT_DIR, 'data', 'bangli_villages_boundaries.geojson'), 'utf8')) as { features: { geometry: Polygon | MultiPolygon }[] };

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

describe('simplifyPolygon on the real Bangli village boundaries', () => {
  const tol = 0.0003;
  const pairs = villages.features.map((f) => [rings(f.geometry), rings(simplifyPolygon(f.geometry, tol))] as const);

  it('keeps every ring closed, with at least 4 positions, and the same number of rings', () => {
    for (const [full, simple] of pairs) {
      expect(simple.length).toBe(full.length);
      for (const r of simple) {
        expect(r.length).toBeGreaterThanOrEqual(4);
        expect(r[0]).toEqual(r[r.length - 1]);
      }
    }
  });

  it('drops most vertices yet leaves every original vertex within the tolerance (plus 1 m rounding) of the simplified outline', () => {
    let before = 0, after = 0;
    for (const [full, simple] of pairs) {
      full.forEach((ring, k) => {
        before += ring.length;
        after += simple[k].length;
        for (const p of ring) {
          let best = Infinity;
          for (let i = 1; i < simple[k].length; i++) best = Math.min(best, distanceToSegment(p, simple[k][i - 1], simple[k][i]));
          expect(best).toBeLessThanOrEqual(tol + 2e-5);
        }
      });
    }
    expect(after).toBeLessThan(before / 2);
  });
});
