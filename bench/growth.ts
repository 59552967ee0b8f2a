/**
 * The growth table (issue 12): how the costs of villages change from 72 (Bangli, real) to 716 (all of Bali,
 * real) to 83,000 (SYNTHETIC, bench/syntheticVillages.ts: about Indonesia's count, realistic ~25 km² areas),
 * with 100k and 1M SYNTHETIC points. Every ratio is measured in this same run.
 *
 *   node --expose-gc --import tsx bench/growth.ts [--quick]     (npm run bench runs it too)
 * Prints a markdown section and writes it to bench/RESULTS.md (section "growth") unless --quick.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import { ROOT_DIR } from '../server/config.js';
import { parseBoundaryLines } from '../server/domain/regions/parseBoundaries.js';
import { interiorPoint } from '../server/domain/regions/interior.js';
import { VillageLocator } from '../server/domain/geo/villageLocator.js';
import { computeReach, type CoverageVillage, type ReachingPlace } from '../server/domain/coverage/reach.js';
import { IncrementalReach } from '../server/domain/coverage/incrementalReach.js';
import { guaranteeOf, suggestSites } from '../server/domain/coverage/suggest.js';
import { simplifyPolygon } from '../server/domain/geo/simplify.js';
import type { LngLat } from '../server/domain/geo/types.js';
import { seededRandom } from '../tests/helpers/random.js';
import { makeTestApp } from '../tests/helpers/app.js';
import { syntheticVillages } from './syntheticVillages.js';
import { table, writeSection } from './results.js';
import { openDb } from '../server/storage/db.js';
import { PointStore } from '../server/storage/points.js';
import { CoverageService } from '../server/services/coverage.js';
import type { VillageService } from '../server/services/villages.js';
import { syntheticPoint } from './synthetic.js';
import { machine } from './machine.js';

const quick = process.argv.includes('--quick');
/** --locate: only the locate columns (for iterating on the locator); prints, writes nothing. */
const locateOnly = process.argv.includes('--locate');
const POINT_COUNTS = quick ? [10_000, 100_000] : [100_000, 1_000_000];
const SYNTHETIC_N = quick ? 8_300 : 83_000;
const log = (s: string) => process.stderr.write(s + '\n');
const gc = (globalThis as { gc?: () => void }).gc;

interface V {
  code: string;
  name: string;
  district_code: string;
  interior: LngLat;
  geometry: Polygon | MultiPolygon;
}

function realVillages(prefix: string): V[] {
  const dir = join(ROOT_DIR, 'data', 'wilayah_boundaries');
  const out: V[] = [];
  for (const f of readdirSync(dir).filter((n) => n.startsWith(`wilayah_boundaries_kel_${prefix}`)).sort()) {
    for (const r of parseBoundaryLines(readFileSync(join(dir, f), 'utf8').split('\n'), f)) {
      out.push({ code: r.code, name: r.name, district_code: r.code.slice(0, 8), interior: interiorPoint(r.geometry), geometry: r.geometry });
    }
  }
  return out;
}

function bboxOf(vs: V[]): [number, number, number, number] {
  const xs = vs.map((v) => v.interior[0]);
  const ys = vs.map((v) => v.interior[1]);
  return [Math.min(...xs) - 0.02, Math.min(...ys) - 0.02, Math.max(...xs) + 0.02, Math.max(...ys) + 0.02];
}

function randomIn(box: [number, number, number, number], r: () => number): LngLat {
  return [box[0] + r() * (box[2] - box[0]), box[1] + r() * (box[3] - box[1])];
}

/**
 * CPU time of `f` (user + system) in ms: the machine is shared, and CPU time of this single-threaded work is
 * steadier than wall time when other processes take turns on the cores.
 */
function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function usedBytes(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface Row {
  label: string;
  n: number;
  vertices: number;
  coldMs: number;
  memMB: number;
  bytesPerVillage: number;
  locateUs: number;
  localUs: number;
  bruteUs: number;
  agree: string;
  coverage: { points: number; fullMs: number; incMs: number; serviceFullMs: number; serviceIncMs: number; bodyMB: number }[];
  suggestMs: number;
  suggestMethod: string;
  suggestSites: number;
  suggestWork: { units: number; budget: number };
  suggestPool: string;
  suggestGuarantee: string;
}

function measure(label: string, villages: V[]): Row {
  const n = villages.length;
  log(`growth: ${label} (${n} villages)…`);
  // Cold start of the village layer: parse the stored GeoJSON text and build the index (what a start does).
  const stored = villages.map((v) => JSON.stringify(v.geometry));
  const before = usedBytes();
  const cold = time(() => {
    const parsed = stored.map((s, i) => ({ code: villages[i].code, geometry: JSON.parse(s) as Polygon }));
    return { parsed, locator: new VillageLocator(parsed) };
  });
  const after = usedBytes();
  const locator = cold.value.locator;
  const memMB = (after - before) / 1e6;

  const r = seededRandom(21);
  const box = bboxOf(villages);
  const Q = 20_000;
  const qs = Array.from({ length: Q }, () => randomIn(box, r));
  let sink = 0;
  for (const q of qs.slice(0, 2000)) if (locator.locate(q)) sink++; // warm-up (JIT)
  // The median of 5 rounds: other jobs on the shared CPUs (and their caches) make single rounds noisy.
  const rounds = (f: () => void) => ({ ms: median(Array.from({ length: 5 }, () => time(f).ms)) });
  const ind = rounds(() => {
    for (const q of qs) if (locator.locate(q)) sink++;
  });
  const QB = Math.max(200, Math.min(Q, Math.floor(4_000_000 / n)));
  const bruteAnswers: (string | null)[] = [];
  const brute = time(() => {
    for (let i = 0; i < QB; i++) bruteAnswers.push(locator.locateBruteForce(qs[i]));
  });
  const agree = bruteAnswers.filter((a, i) => a === locator.locate(qs[i])).length;
  const bruteUs = (brute.ms * 1000) / QB;
  // Local queries: positions inside one kabupaten's box (the first kabupaten of the set), as when the phones
  // asking are in one area; the uniform column above spreads them over the whole set (memory-bound at 83,000).
  const firstKab = villages.filter((v) => v.code.slice(0, v.code.lastIndexOf('.', v.code.lastIndexOf('.') - 1)) === villages[0].code.slice(0, villages[0].code.lastIndexOf('.', villages[0].code.lastIndexOf('.') - 1)));
  const localBox = bboxOf(firstKab);
  const lqs = Array.from({ length: Q }, () => randomIn(localBox, r));
  const local = rounds(() => {
    for (const q of lqs) if (locator.locate(q)) sink++;
  });
  const vertices = villages.reduce((s, v) => s + (v.geometry.type === 'Polygon' ? v.geometry.coordinates : v.geometry.coordinates.flat()).reduce((a, r) => a + r.length, 0), 0);
  if (locateOnly) {
    return {
      label, n, vertices, coldMs: cold.ms, memMB, bytesPerVillage: (after - before) / n,
      locateUs: (ind.ms * 1000) / Q, localUs: (local.ms * 1000) / Q, bruteUs, agree: `${agree}/${QB}`, coverage: [],
      suggestMs: 0, suggestMethod: '', suggestSites: 0, suggestWork: { units: 0, budget: 0 }, suggestPool: '', suggestGuarantee: '',
    };
  }

  const cv: CoverageVillage[] = villages.map((v) => ({ code: v.code, name: v.name, district_code: v.district_code, position: v.interior }));
  const coverage: Row['coverage'] = [];
  for (const P of POINT_COUNTS) {
    const rp = seededRandom(P);
    const places: ReachingPlace[] = Array.from({ length: P }, (_, i) => ({ point_id: i + 1, position: randomIn(box, rp) }));
    const full = time(() => computeReach(cv, places, 5));
    computeReach(cv.slice(0, 50), places.slice(0, 1000), 5); // warm-up (JIT)
    const inc = new IncrementalReach(cv, places);
    const moves: number[] = [];
    for (let i = 0; i < 21; i++) {
      const id = 1 + Math.floor(rp() * P);
      moves.push(time(() => {
        inc.apply([{ id, position: randomIn(box, rp) }]);
        return inc.result(5);
      }).ms);
    }
    coverage.push({ points: P, fullMs: full.ms, incMs: median(moves), ...serviceCoverage(villages, box, P) });
  }

  // Suggest k = 10: the worst case, every village uncovered, one candidate venue per village (its office).
  const sug = time(() =>
    suggestSites({
      uncovered: cv.map((v) => ({ code: v.code, position: v.position })),
      candidates: villages.map((v, i) => ({ point_id: i + 1, name: v.name, position: v.interior })),
      k: 10, radiusKm: 5, coveredBefore: 0,
    }),
  );
  if (sink < 0) log(String(sink));
  return {
    label, n, vertices, coldMs: cold.ms, memMB, bytesPerVillage: (after - before) / n,
    locateUs: (ind.ms * 1000) / Q, localUs: (local.ms * 1000) / Q, bruteUs, agree: `${agree}/${QB}`, coverage,
    suggestMs: sug.ms, suggestMethod: sug.value.method, suggestSites: sug.value.sites.length, suggestWork: sug.value.work,
    suggestPool: sug.value.candidate_pool ? `${sug.value.candidate_pool.considered.toLocaleString('en')} of ${sug.value.candidate_pool.total.toLocaleString('en')} candidates (${sug.value.candidate_pool.per_village} nearest per village)` : 'all candidates',
    suggestGuarantee: guaranteeOf(sug.value),
  };
}

/**
 * GET /api/coverage's whole path below HTTP: CoverageService over a SQLite database of P SYNTHETIC points (all
 * offering registration). First call = a full computation (read every point, nearest of every village, the JSON
 * text); then one point is moved through PointStore (the write path's SQL, not timed) and the next call timed:
 * it re-reads that row, updates the villages it affects and re-serializes their blocks. Median of 21 moves.
 */
function serviceCoverage(villages: V[], box: [number, number, number, number], P: number): { serviceFullMs: number; serviceIncMs: number; bodyMB: number } {
  const db = openDb(':memory:');
  const store = new PointStore(db);
  const r = seededRandom(P + 1);
  const now = '2026-12-01T00:00:00.000Z';
  db.transaction(() => {
    for (let i = 0; i < P; i++) store.insert({ ...syntheticPoint(i + 1, randomIn(box, r), r, null), services: ['registration'] }, now);
  })();
  const list = villages.map((v) => ({ code: v.code, name: v.name, district_code: v.district_code, district_name: `SYNTHETIC ${v.district_code}`, interior: v.interior }));
  const byCode = new Map(list.map((v) => [v.code, v]));
  const fakeVillages = { list, get: (code: string) => byCode.get(code), requireServed: () => undefined } as unknown as VillageService;
  const noVisits = () => ({ occurrencesBetween: () => [], occurrence: () => undefined, isPublic: () => false });
  const clock = () => new Date('2026-12-01T02:00:00.000Z');
  const service = new CoverageService(store, fakeVillages, noVisits, clock);
  const first = time(() => service.coverageJson(5, 30));
  const moves: number[] = [];
  for (let i = 0; i < 21; i++) {
    const p = store.get(1 + Math.floor(r() * P))!;
    store.update(p.id, { ...p, position: randomIn(box, r) }, now);
    moves.push(time(() => service.coverageJson(5, 30)).ms);
  }
  const bodyMB = Buffer.byteLength(service.coverageJson(5, 30)) / 1e6;
  db.close();
  return { serviceFullMs: first.ms, serviceIncMs: median(moves), bodyMB };
}

/** One kabupaten's offline pack through the real PackService (real data), or its main parts (synthetic). */
function packRow(label: string, regions: string[], code: string): { label: string; villages: number; ms: number; bytes: number; gz: number } {
  const t = makeTestApp({ config: { regions } });
  t.services.packs.build(code); // warm (simplified boundaries are computed once per process)
  const built = time(() => t.services.packs.build(code));
  const gz = gzipSync(built.value.body).length;
  const villages = t.services.villages.inRegion(code, true).features.length;
  t.db.close();
  return { label, villages, ms: built.ms, bytes: built.value.bytes, gz };
}

function syntheticPackRow(villages: V[]): { label: string; villages: number; ms: number; bytes: number; gz: number } {
  const kab = villages.filter((v) => v.code.startsWith('99.000.'));
  const built = time(() => {
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: kab.map((v) => ({ type: 'Feature', id: v.code, geometry: simplifyPolygon(v.geometry, 0.0003), properties: { code: v.code, name: v.name } })),
    });
    return { body, hash: createHash('sha256').update(body).digest('hex') };
  });
  return { label: `SYNTHETIC kabupaten of the ${villages.length.toLocaleString('en')} (boundaries only)`, villages: kab.length, ms: built.ms, bytes: Buffer.byteLength(built.value.body), gz: gzipSync(built.value.body).length };
}

async function main() {
  const m = machine();
  if (!gc) log('(run with node --expose-gc for memory numbers)');
  const bangli = realVillages('51.06');
  const bali = realVillages('51.');
  const synthetic: V[] = syntheticVillages(SYNTHETIC_N);
  const rows = [measure('Bangli (real)', bangli), measure('Bali (real)', bali), measure('SYNTHETIC', synthetic)];
  if (locateOnly) {
    for (const r of rows) log(`${r.n} ${r.label}: locate ${r.locateUs.toFixed(2)} µs (${(r.locateUs / rows[0].locateUs).toFixed(2)}× at 72), one kabupaten ${r.localUs.toFixed(2)} µs, brute ${r.bruteUs.toFixed(1)} µs, same ${r.agree}, cold ${r.coldMs.toFixed(0)} ms, ${r.memMB.toFixed(1)} MB`);
    return;
  }
  log('growth: packs…');
  const packs = [packRow('Kabupaten Bangli (JANGKAU_REGIONS=51.06)', ['51.06'], '51.06'), packRow('Kabupaten Buleleng, the largest of Bali (JANGKAU_REGIONS=51)', ['51'], '51.08'), syntheticPackRow(synthetic)];

  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const base = rows[0];
  const growth = table(
    ['villages', 'locate µs (indexed, uniform)', 'indexed ÷ at 72', 'locate µs (indexed, one kabupaten)', 'local ÷ at 72', 'locate µs (brute force)', 'same answer', ...POINT_COUNTS.flatMap((p) => [`coverage full ms (${p / 1000}k pts)`, `after 1 change ms`, 'cheaper', `service full ms (${p / 1000}k pts)`, 'service after 1 change ms', 'cheaper']), 'suggest k=10 ms (method)', 'suggest work units / budget', 'suggest candidates', 'cold: parse + index ms', 'memory MB', 'bytes / vertex'],
    rows.map((r) => [
      `${r.n.toLocaleString('en')} ${r.label} (${r.vertices.toLocaleString('en')} vertices)`, f2(r.locateUs), `${f2(r.locateUs / base.locateUs)}×`, f2(r.localUs), `${f2(r.localUs / base.localUs)}×`, f1(r.bruteUs), r.agree,
      ...r.coverage.flatMap((c) => [f1(c.fullMs), f2(c.incMs), `${Math.round(c.fullMs / c.incMs)}×`, f1(c.serviceFullMs), f2(c.serviceIncMs), `${Math.round(c.serviceFullMs / c.serviceIncMs)}×`]),
      `${f1(r.suggestMs)} (${r.suggestMethod}, ${r.suggestSites} sites)`, `${r.suggestWork.units.toLocaleString('en')} / ${r.suggestWork.budget.toLocaleString('en')} (${r.suggestWork.units <= r.suggestWork.budget ? 'within' : 'OVER'})`, r.suggestPool, f1(r.coldMs), gc ? f1(r.memMB) : 'n/a', gc ? f1((r.memMB * 1e6) / r.vertices) : 'n/a',
    ]),
  );
  const packTable = table(
    ['pack', 'villages', 'build ms', 'bytes', 'gzip bytes'],
    packs.map((p) => [p.label, p.villages, f1(p.ms), p.bytes.toLocaleString('en'), p.gz.toLocaleString('en')]),
  );
  const md = [
    `## Growth: 72 → 716 → ${SYNTHETIC_N.toLocaleString('en')} villages (${quick ? 'QUICK run, not for publishing' : 'npm run bench'})`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${m.nproc} CPU × ${m.cpu}, Node ${m.node}, in process, CPU time (user + system: the machine is shared, and CPU time of single-threaded work is steadier than wall time). 72 and 716 are the real villages of Bangli and Bali (data/wilayah_boundaries/); the ${SYNTHETIC_N.toLocaleString('en')} are SYNTHETIC (bench/syntheticVillages.ts: 5 × 5 km cells, about Indonesia's average village area, 40 vertices each where upstream averages ~100 — locate's cost depends on the 1–3 candidates' vertices, not on how many villages there are). Points are SYNTHETIC, uniform over each set's box; every reaching place counts.`,
    '',
    growth,
    '',
    '- **locate**: 20,000 random positions in the set\'s box (uniform), or in the box of its first kabupaten (one kabupaten); Flatbush R-tree over village boxes, then exact ray casting (boundary included, smallest code wins). Brute force tests every village box in code order, then ray casting; "same answer" compares both on the brute-force sample.',
    '- **coverage**: the nearest reaching place of every village, computed from scratch (`computeReach`), and after one place moves (`IncrementalReach`, the median of 21 moves, result included). **service** columns: the whole of `GET /api/coverage` below HTTP (`CoverageService.coverageJson` over SQLite holding the points, all offering registration): the first call reads every point, finds every village\'s nearest and writes the JSON text; after one point is moved through `PointStore` (the write itself not timed) the next call re-reads that row, updates the villages it can affect and re-serializes only their 256-village blocks (median of 21 moves). Gzip by the HTTP layer, when the client asks for it, comes on top of both.',
    '- **suggest** k = 10, radius 5 km, worst case: every village uncovered and one candidate venue per village, with the hardening work budget (`SUGGEST_WORK_BUDGET`, counted units: one per range query and distance check, one per set element the search visits; `work` in the answer). The guarantee of each answer, as `GET /api/coverage/suggest` states it in `guarantee`:',
    ...rows.map((r) => `  - ${r.n.toLocaleString('en')} ${r.label}: method \`${r.suggestMethod}\`, ${r.suggestWork.units.toLocaleString('en')} of ${r.suggestWork.budget.toLocaleString('en')} units. ${r.suggestGuarantee}`),
    '- **memory**: heap + typed arrays retained by the parsed boundaries and the locator (after GC): linear in the number of vertices; **cold**: parsing the stored GeoJSON text and building the index, as a start does.',
    '',
    '### One kabupaten\'s offline pack (GET /packs/{code}.{hash}.json)',
    '',
    packTable,
    '',
    'A pack holds one kabupaten, so its size and build time depend on that kabupaten, not on how many are loaded (Indonesia averages ~160 villages per kabupaten/kota).',
  ].join('\n');
  console.log('\n' + md + '\n');
  if (!quick) writeSection('growth', md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
