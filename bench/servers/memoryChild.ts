/**
 * Child process for the memory benchmark: builds a NearestIndex (and, separately, a bare KDBush for
 * geokdbush) over 1M SYNTHETIC points and prints the retained RSS/heap growth as JSON on stdout.
 * Run with --expose-gc so the numbers exclude garbage from building.
 */
import KDBush from 'kdbush';
import { NearestIndex } from '../../server/domain/geo/nearestIndex.js';
import { entries, positions } from '../synthetic.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const n = Number(process.argv[2] ?? 1_000_000);
const which = process.argv[3] ?? 'ours';

function snapshot() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external };
}

// Built inside functions so no temporary (the entries array) stays alive in a top-level register.
function buildOurs(): unknown {
  return new NearestIndex(entries(positions(n, 'uniform')));
}
function buildKdbush(): unknown {
  const ps = positions(n, 'uniform');
  const kd = new KDBush(n);
  for (const p of ps) kd.add(p[0], p[1]);
  kd.finish();
  return kd;
}

const before = snapshot();
const t0 = performance.now();
const keep = which === 'ours' ? buildOurs() : buildKdbush();
const buildMs = performance.now() - t0;
const after = snapshot();
process.stdout.write(
  JSON.stringify({
    which,
    points: n,
    buildMs,
    rssMB: (after.rss - before.rss) / 2 ** 20,
    heapMB: (after.heap - before.heap) / 2 ** 20,
    externalMB: (after.external - before.external) / 2 ** 20,
    alive: keep !== undefined,
  }),
);
