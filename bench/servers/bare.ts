/**
 * The baseline for the HTTP benchmark: a bare node:http server doing the same geokdbush lookup as a
 * kd-tree finder would and returning the same JSON as /api/points/nearest — no framework, no
 * middleware, no validation beyond the minimum, every point row held in memory (the best case).
 * Usage: node --import tsx bench/servers/bare.ts DB_FILE PORT
 */
import { createServer } from 'node:http';
import KDBush from 'kdbush';
import * as geokdbush from 'geokdbush';
import Database from 'better-sqlite3';
import { PointStore } from '../../server/storage/points.js';
import { VillageService } from '../../server/services/villages.js';
import { toFeature, type Point } from '../../server/domain/points/point.js';
import { isOpenAt } from '../../server/domain/points/openingHours.js';
import { haversineM } from '../../server/domain/geo/distance.js';

const [dbFile, portArg] = process.argv.slice(2);
const db = new Database(dbFile, { readonly: true });
const points: Point[] = new PointStore(db).listVisible();
const villages = new VillageService(db);
const index = new KDBush(points.length);
for (const p of points) index.add(p.position[0], p.position[1]);
index.finish();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const lat = Number(url.searchParams.get('lat'));
  const lng = Number(url.searchParams.get('lng'));
  const limit = Number(url.searchParams.get('limit') ?? 10);
  if (url.pathname !== '/api/points/nearest' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"bad request"}}');
    return;
  }
  const now = new Date();
  const features = geokdbush.around(index, lng, lat, limit).map((i) => {
    const p = points[i];
    const village = p.village_code ? villages.get(p.village_code) : undefined;
    return toFeature(p, {
      village_name: village?.name ?? null,
      district_name: village?.district_name ?? null,
      open_now: p.status === 'temporarily_closed' ? false : isOpenAt(p.opening_hours, now),
      distance_m: Math.round(haversineM([lng, lat], p.position) * 10) / 10,
    });
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ type: 'FeatureCollection', features }));
});
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
