import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from '../helpers/browser.js';
import { ROOT_DIR } from '../../server/config.js';

/**
 * 20 concurrent clients send a mix of public reads for 10 s to a real server on loopback while another
 * process keeps committing points through its own connection, each write transaction held open.
 * Zero errors, zero non-2xx, and the readers see the writer's points: in WAL mode writers do not block readers.
 */
let server: RunningServer;
let writer: ChildProcess;
let writerOut = '';

beforeAll(async () => {
  server = await startServer();
  writer = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'tests/load/writer.ts'), server.dbFile], { cwd: ROOT_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  writer.stdout!.on('data', (d) => (writerOut += String(d)));
  await new Promise<void>((resolve) => {
    const check = () => (writerOut.includes('ready') ? resolve() : setTimeout(check, 20));
    check();
  });
});

afterAll(async () => {
  if (writer.exitCode === null) writer.kill('SIGKILL');
  await server?.close();
});

const READS = [
  '/api/points/nearest?lat=-8.454&lng=115.355&limit=10',
  '/api/points/nearest?lat=-8.27&lng=115.35&limit=5&service=information',
  '/api/points/nearest?lat=-8.5&lng=115.3&limit=20&type=market,village_office&max_km=30',
  '/api/points?bbox=115.2,-8.6,115.5,-8.1',
  '/api/points/1',
  '/api/villages',
  '/api/villages/locate?lat=-8.454&lng=115.355',
  '/api/info/registration',
  '/api/config',
  '/api/visits',
  '/api/calendar?from=2026-11-01&to=2026-11-30',
  '/api/health',
];

describe('load: mixed reads with a concurrent writer', () => {
  it('answers 20 concurrent clients for 10 s without a single error while points are being written', async () => {
    let i = 0;
    const result = await autocannon({
      url: server.url,
      connections: 20,
      duration: 10,
      requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: READS[i++ % READS.length] }) }],
    });
    const exited = new Promise((r) => writer.once('exit', r));
    writer.kill('SIGTERM');
    await exited;
    const committed = Number(/committed (\d+)/.exec(writerOut)?.[1] ?? 0);
    const after = (await (await fetch(`${server.url}/api/points?bbox=115.2,-8.6,115.5,-8.1`)).json()) as { features: { properties: { name: string } }[] };
    const written = after.features.filter((f) => f.properties.name.startsWith('Load-test writer point'));

    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.total).toBeGreaterThan(READS.length * 20);
    expect(committed).toBeGreaterThan(10);
    expect(written.length).toBe(committed);
  }, 60_000);
});
