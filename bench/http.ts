import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { queries } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BARE = join(ROOT, 'bench', 'servers', 'bare.ts');
const FLOOR = join(ROOT, 'bench', 'servers', 'floor.ts');
const START = join(ROOT, 'server', 'start.mjs');

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitForAnswer(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) {
        await res.arrayBuffer();
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

const PROBE = '/api/points/nearest?lat=-8.454&lng=115.355&limit=10';

/** A web folder with only an index.html, so server/main.ts does not build the web app. */
function stubWebDir(dir: string): string {
  const web = join(dir, 'web');
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>bench</title>');
  return web;
}

/** Builds the server bundle if the sources changed (`node server/start.mjs --build-only`); milliseconds taken. */
export function buildApp(): number {
  const t0 = performance.now();
  execFileSync(process.execPath, [START, '--build-only'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t0;
}

/**
 * Starts Jangkau itself (`node server/start.mjs`, exactly what `npm start` runs) in a child process on
 * `dbFile`; resolves when it has answered a first nearest query, with the milliseconds from spawn to that
 * answer (the cold start). Call buildApp() first, or the first start includes bundling the sources.
 */
export async function startApp(dbFile: string, dir: string): Promise<Server & { coldStartMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JANGKAU_DB: dbFile, JANGKAU_WEB_DIR: stubWebDir(dir), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(url + PROBE, child);
  return { url, child, coldStartMs: performance.now() - t0, stop: stopper(child) };
}

/** Starts the bare node:http + geokdbush baseline in a child process. */
export async function startBare(dbFile: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', BARE, dbFile, String(port)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(url + PROBE, child);
  return { url, child, stop: stopper(child) };
}

/** Starts the floor server (constant body, no work) in a child process; `bodyFile` holds the body it sends. */
export async function startFloor(bodyFile: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', FLOOR, bodyFile, String(port)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(url + PROBE, child);
  return { url, child, stop: stopper(child) };
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** Query paths spread over the synthetic data (clustered, like the stored points). */
export function nearestPaths(n = 1000): string[] {
  return queries(n, 'clustered', 5).map(([lng, lat]) => `/api/points/nearest?lat=${lat.toFixed(5)}&lng=${lng.toFixed(5)}&limit=10`);
}

/** Drives `url` with autocannon on loopback, cycling through `paths`, for `durationS` seconds or `amount` requests. */
export async function load(url: string, paths: string[], connections: number, durationS: number, amount?: number): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: durationS }),
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** True when both servers return the same FeatureCollection (same ids, order and distances) for `path`. */
export async function sameAnswer(a: string, b: string, path: string): Promise<boolean> {
  const [x, y] = await Promise.all([fetch(a + path).then((r) => r.json()), fetch(b + path).then((r) => r.json())]);
  const key = (fc: { features: { id: number; properties: { distance_m: number; name: string } }[] }) =>
    JSON.stringify(fc.features.map((f) => [f.id, f.properties.distance_m, f.properties.name]));
  return key(x) === key(y);
}

export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

function wrkMs(text: string, pct: string): number {
  const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(text);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

/**
 * Drives `url` with wrk (Debian package; C, its own event loop, two threads) cycling through `paths` with a
 * Lua script. wrk costs the shared CPUs far less than autocannon (Node), so the server under test keeps
 * more of the machine: its latency is closer to what a remote client would see.
 */
export function wrk(url: string, paths: string[], connections: number, durationS: number, dir: string): WrkResult {
  const script = join(dir, 'paths.lua');
  writeFileSync(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`,
  );
  const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${durationS}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return {
    rps,
    p50Ms: wrkMs(out, '50'),
    p99Ms: wrkMs(out, '99'),
    errors: (errs ? errs.slice(1).reduce((s, x) => s + Number(x), 0) : 0) + non2xx,
  };
}
