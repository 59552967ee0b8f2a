import { readFileSync, readdirSync } from 'node:fs';
import { parseBoundaryLines } from '../server/domain/regions/parseBoundaries.js';
import { interiorPoint } from '../server/domain/regions/interior.js';
const dir = '/work/shared/data/bali/wilayah_boundaries/';
let t0 = performance.now();
const counts: Record<string, number> = {};
const recs: any[] = [];
for (const f of readdirSync(dir).filter((f) => f.startsWith('wilayah'))) {
  for (const r of parseBoundaryLines(readFileSync(dir + f, 'utf8').split('\n'), f)) { counts[r.level] = (counts[r.level] ?? 0) + 1; recs.push(r); }
}
console.log(counts, (performance.now() - t0).toFixed(0), 'ms');
t0 = performance.now();
const g = JSON.parse(readFileSync('data/bangli_villages_boundaries.geojson', 'utf8'));
const byCode = new Map(recs.map((r) => [r.code, r]));
let max = 0, geomSame = 0;
for (const f of g.features) { const r = byCode.get(f.properties.code); const p = interiorPoint(r.geometry); max = Math.max(max, Math.hypot((p[0]-f.properties.interior_lng)*110574*Math.cos(8.4*Math.PI/180), (p[1]-f.properties.interior_lat)*110574)); if (JSON.stringify(r.geometry)===JSON.stringify(f.geometry)) geomSame++; }
console.log('max m', max, 'geomSame', geomSame, (performance.now() - t0).toFixed(0), 'ms');
t0 = performance.now();
for (const r of recs) if (r.level === 'kel') interiorPoint(r.geometry);
console.log('716 interiors', (performance.now() - t0).toFixed(0), 'ms');
