/**
 * A concurrent writer for the load test, in its own process and its own SQLite connection: inserts
 * points through PointStore, holding each write transaction open for ~50 ms (long, on purpose) so that
 * readers would stall if WAL did not let them read past an open writer. Runs until SIGTERM, then prints
 * how many points it committed. Usage: node --import tsx tests/load/writer.ts DB_FILE
 */
import Database from 'better-sqlite3';
import { PointStore } from '../../server/storage/points.js';

const db = new Database(process.argv[2], { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const store = new PointStore(db);
const pause = new Int32Array(new SharedArrayBuffer(4));
let committed = 0;
let stop = false;
process.on('SIGTERM', () => (stop = true));

function writeOne(i: number) {
  db.transaction(() => {
    store.insert(
      {
        name: `Load-test writer point ${i}`, type: 'community_hall', position: [115.3 + (i % 50) / 500, -8.5 + (i % 37) / 300],
        village_code: null, address: null, phone: null, whatsapp: null, services: ['information'], opening_hours: null,
        market_days: null, opens: null, closes: null, accuracy: 'exact', location_note: null, verified_at: null,
        status: 'active', source: 'load test fixture', external_id: `load:${process.pid}:${i}`, notes: null,
      },
      new Date().toISOString(),
    );
    Atomics.wait(pause, 0, 0, 50); // keep the write transaction open
  })();
  committed++;
}

async function main() {
  process.stdout.write('ready\n');
  for (let i = 0; !stop; i++) {
    writeOne(i);
    await new Promise((r) => setTimeout(r, 20)); // let SIGTERM in
  }
  process.stdout.write(`committed ${committed}\n`);
  db.close();
}
void main();
