/**
 * `npm run bench`: the server benchmarks of issues 2 and 6 in one run, every number next to a baseline
 * measured in the same run on the same machine, printed as a table and written to bench/RESULTS.md, then the
 * growth table of issue 12 (bench/growth.ts). All point data is SYNTHETIC (bench/synthetic.ts), and so are the
 * 83,000 villages (bench/syntheticVillages.ts). Takes about five minutes.
 *
 *   npm run bench            everything
 *   npm run bench -- --quick smaller sets and shorter load runs (a smoke test of the harness)
 */
import { rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { benchNearest, type NearestRow } from './nearest.js';
import { benchMemory } from './memory.js';
import { makeBenchDb } from './db.js';
import { buildApp, load, nearestPaths, sameAnswer, startApp, startBare, startFloor, wrk, type LoadResult, type WrkResult } from './http.js';
import { machine } from './machine.js';
import { table, writeSection } from './results.js';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const HTTP_POINTS = quick ? 20_000 : 100_000;
const MEMORY_POINTS = quick ? 100_000 : 1_000_000;
const LOAD_S = quick ? 2 : 6;

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const log = (s: string) => process.stderr.write(s + '\n');

async function main() {
  const m = machine();
  log(`Machine: ${m.nproc} CPU, ${m.cpu}, Node ${m.node}`);

  // 1. nearest-10 in process
  const nearest: NearestRow[] = [];
  for (const n of SIZES) {
    for (const layout of ['uniform', 'clustered'] as const) {
      log(`nearest-10: ${n} synthetic points, ${layout}…`);
      nearest.push(benchNearest(n, layout));
    }
  }

  // 2. memory of the index
  log(`memory: ${MEMORY_POINTS} synthetic points…`);
  const memOurs = benchMemory(MEMORY_POINTS, 'ours');
  const memKd = benchMemory(MEMORY_POINTS, 'geokdbush');

  // 3. HTTP: Jangkau (server/main.ts) vs a bare node:http + geokdbush server, both in child processes
  log(`http: building a temp database with ${HTTP_POINTS} synthetic points…`);
  const db = makeBenchDb(HTTP_POINTS);
  const paths = nearestPaths();
  const coldStarts: number[] = [];
  const runs: Record<string, LoadResult[]> = { 'app-20': [], 'bare-20': [], 'floor-20': [], 'app-50': [], 'bare-50': [], 'floor-50': [] };
  let sameAnswers = 0;
  const wrkRuns: Record<string, WrkResult> = {};
  const bundleMs = buildApp(); // what the first `npm start` after a code change does; not part of the cold start
  try {
    for (let i = 0; i < 3; i++) {
      const app = await startApp(db.file, db.dir);
      coldStarts.push(app.coldStartMs);
      await app.stop();
    }
    const app = await startApp(db.file, db.dir);
    const bare = await startBare(db.file);
    // The floor sends one real answer, byte for byte, to every request.
    const floorBody = join(db.dir, 'floor-body.json');
    writeFileSync(floorBody, Buffer.from(await (await fetch(app.url + paths[0])).arrayBuffer()));
    const floor = await startFloor(floorBody);
    try {
      for (const p of paths.slice(0, 50)) if (await sameAnswer(app.url, bare.url, p)) sameAnswers++;
      // Warm both with one pass over every query path (JIT; Jangkau's row cache then holds the rows a
      // busy server would have hot), then alternate runs so background load hits both alike.
      await load(bare.url, paths, 20, 0, paths.length);
      await load(app.url, paths, 20, 0, paths.length);
      await load(floor.url, paths, 20, 0, paths.length);
      for (const c of [20, 50]) {
        for (let round = 0; round < 2; round++) {
          log(`http: ${c} connections, round ${round + 1}…`);
          runs[`bare-${c}`].push(await load(bare.url, paths, c, LOAD_S / 2));
          runs[`app-${c}`].push(await load(app.url, paths, c, LOAD_S / 2));
          runs[`floor-${c}`].push(await load(floor.url, paths, c, LOAD_S / 2));
        }
      }
      // The same load from wrk (C, not sharing Node's costs): p99 against the floor in the same run.
      for (const c of [20, 50]) {
        log(`http: wrk, ${c} connections…`);
        wrkRuns[`app-${c}`] = wrk(app.url, paths, c, LOAD_S, db.dir);
        wrkRuns[`floor-${c}`] = wrk(floor.url, paths, c, LOAD_S, db.dir);
      }
    } finally {
      await app.stop();
      await bare.stop();
      await floor.stop();
    }
  } finally {
    rmSync(db.dir, { recursive: true, force: true });
  }

  const merge = (rs: LoadResult[]): LoadResult => ({
    rps: rs.reduce((s, r) => s + r.rps, 0) / rs.length,
    p50Ms: rs.reduce((s, r) => s + r.p50Ms, 0) / rs.length,
    p99Ms: Math.max(...rs.map((r) => r.p99Ms)),
    errors: rs.reduce((s, r) => s + r.errors, 0),
    non2xx: rs.reduce((s, r) => s + r.non2xx, 0),
    requests: rs.reduce((s, r) => s + r.requests, 0),
  });
  const h = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, merge(v)])) as Record<string, LoadResult>;
  const cold = [...coldStarts].sort((a, b) => a - b)[1] ?? coldStarts[0];

  // Report
  const nearestTable = table(
    ['synthetic points', 'layout', 'NearestIndex µs', 'geokdbush.around µs', 'brute force µs', 'geokdbush ÷ ours', 'brute ÷ ours', 'equal to brute force'],
    nearest.map((r) => [r.points.toLocaleString('en'), r.layout, f1(r.oursUs), f1(r.geokdbushUs), f1(r.bruteUs), `${f2(r.geokdbushUs / r.oursUs)}×`, `${Math.round(r.bruteUs / r.oursUs)}×`, `${r.matched}/${r.checked}`]),
  );
  const httpTable = table(
    ['server', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'ratio to bare'],
    (['20', '50'] as const).flatMap((c) => [
      ['bare node:http + geokdbush', c, f1(h[`bare-${c}`].rps), f1(h[`bare-${c}`].p50Ms), f1(h[`bare-${c}`].p99Ms), h[`bare-${c}`].errors, h[`bare-${c}`].non2xx, '1.00×'],
      ['Jangkau (npm start)', c, f1(h[`app-${c}`].rps), f1(h[`app-${c}`].p50Ms), f1(h[`app-${c}`].p99Ms), h[`app-${c}`].errors, h[`app-${c}`].non2xx, `${f2(h[`app-${c}`].rps / h[`bare-${c}`].rps)}×`],
      ['floor: node:http, one constant answer, no work', c, f1(h[`floor-${c}`].rps), f1(h[`floor-${c}`].p50Ms), f1(h[`floor-${c}`].p99Ms), h[`floor-${c}`].errors, h[`floor-${c}`].non2xx, `${f2(h[`floor-${c}`].rps / h[`bare-${c}`].rps)}×`],
    ]),
  );
  const wrkTable = table(
    ['connections', 'load tool', 'Jangkau req/s', 'Jangkau p99 ms', 'floor p99 ms', 'p99 ÷ floor p99', 'errors'],
    (['20', '50'] as const).flatMap((c) => [
      [c, 'autocannon (Node, shares the CPUs)', f1(h[`app-${c}`].rps), f1(h[`app-${c}`].p99Ms), f1(h[`floor-${c}`].p99Ms), `${f2(h[`app-${c}`].p99Ms / h[`floor-${c}`].p99Ms)}×`, h[`app-${c}`].errors + h[`app-${c}`].non2xx],
      [c, 'wrk (C, 2 threads)', f1(wrkRuns[`app-${c}`].rps), f1(wrkRuns[`app-${c}`].p99Ms), f1(wrkRuns[`floor-${c}`].p99Ms), `${f2(wrkRuns[`app-${c}`].p99Ms / wrkRuns[`floor-${c}`].p99Ms)}×`, wrkRuns[`app-${c}`].errors],
    ]),
  );
  const otherTable = table(
    ['measure', 'Jangkau', 'baseline', 'target'],
    [
      [`cold start at ${HTTP_POINTS.toLocaleString('en')} points (spawn of \`npm start\`'s node server/start.mjs → first nearest answer, median of 3)`, `${Math.round(cold)} ms`, '—', '< 1000 ms'],
      ['server bundle check (+ rebuild when sources changed: esbuild, once per code change)', `${Math.round(bundleMs)} ms`, '—', '—'],
      [`index memory at ${MEMORY_POINTS.toLocaleString('en')} points (RSS growth)`, `${f1(memOurs.rssMB)} MB`, `${f1(memKd.rssMB)} MB (bare KDBush for geokdbush)`, '—'],
      [`index memory at ${MEMORY_POINTS.toLocaleString('en')} points (heap + typed arrays)`, `${f1(memOurs.heapMB + memOurs.externalMB)} MB`, `${f1(memKd.heapMB + memKd.externalMB)} MB`, '—'],
      [`index build at ${MEMORY_POINTS.toLocaleString('en')} points (incl. generating entries)`, `${Math.round(memOurs.buildMs)} ms`, `${Math.round(memKd.buildMs)} ms`, '—'],
      ['same JSON answer as the bare server (sampled queries)', `${sameAnswers}/50`, '—', '50/50'],
    ],
  );
  const md = [
    `## Server (${quick ? 'QUICK run, not for publishing' : 'npm run bench'})`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${m.nproc} CPU × ${m.cpu}, Node ${m.node}, loopback. All points are SYNTHETIC (uniform over Kabupaten Bangli's box, or clustered around Bangli town). Ratios compare against a baseline measured in the same run; other processes on the machine add noise, so compare ratios rather than absolute numbers.`,
    '',
    '### nearest-10, per query, in process',
    '',
    nearestTable,
    '',
    `### HTTP: GET /api/points/nearest, ${HTTP_POINTS.toLocaleString('en')} synthetic points in SQLite, autocannon on loopback (${LOAD_S / 2} s × 2 rounds, alternating)`,
    '',
    httpTable,
    '',
    'The bare server holds every row in memory and does no validation, security headers or logging; Jangkau runs exactly as `npm start` (logging at info to a discarded stdout), measured after one warm-up pass over the 1,000 query positions (its row cache then holds the rows those queries return). The floor server answers every request with the same bytes and does nothing else: its latency is the least this machine allows with autocannon on the same CPUs.',
    '',
    `### The same load from wrk next to autocannon (${LOAD_S} s each, p99 as a ratio to the no-work floor server in this run)`,
    '',
    wrkTable,
    '',
    '### Start-up and memory',
    '',
    otherTable,
  ].join('\n');
  console.log('\n' + md + '\n');
  if (!quick) writeSection('server', md);
  else log('(quick run: bench/RESULTS.md left unchanged)');

  // 4. The growth table (issue 12), in its own process so its memory numbers start clean (needs --expose-gc).
  log('growth: 72 → 716 → 83,000 villages…');
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./growth.ts', import.meta.url)), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
