/**
 * Seeded location notes are stored with a code the web says in the reader's language (issue 13), on fresh
 * databases (the seed) and on databases seeded before (migration 080), leaving notes staff wrote alone.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, migrationFiles } from '../../server/storage/db.js';
import { makeTestApp, loginAs, jsonRequest } from '../helpers/app.js';

const OLD_VILLAGE_NOTE = 'Titik di tengah wilayah desa, bukan letak kantor yang sebenarnya. / A point inside the village area, not the office itself.';
const OLD_MARKET_NOTE = 'Titik pusat kota Bangli (GeoNames), bukan gedung pasar. / GeoNames point for Bangli town (CC BY 4.0) - town centre, NOT the market building.';

describe('seeded location notes', () => {
  it('seeds village offices and the Bangli market with a note code and only the Indonesian text', async () => {
    const t = makeTestApp();
    const points = t.services.pointStore.listAll();
    const offices = points.filter((p) => p.external_id?.startsWith('seed:village-office:'));
    expect(offices.length).toBe(72);
    for (const p of offices) {
      expect(p.location_note_code).toBe('seed_village_interior');
      expect(p.location_note).toBe('Titik di tengah wilayah desa, bukan letak kantor yang sebenarnya.');
    }
    const markets = points.filter((p) => p.external_id?.startsWith('seed:mkt-'));
    expect(markets.length).toBeGreaterThan(0);
    for (const p of markets) expect(p.location_note_code).toBe('seed_town_centre');
    expect(points.every((p) => !/ \/ |NOT the market|not the office/.test(p.location_note ?? ''))).toBe(true);
    // The public API carries the code for the finder cards.
    const near = await (await t.app.request(`/api/points/nearest?lat=${offices[0].position[1]}&lng=${offices[0].position[0]}&limit=1`)).json();
    expect(near.features[0].properties.location_note_code).toBe('seed_village_interior');
  });

  it('keeps the code when staff change another field and drops it when they rewrite the note', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'staff');
    const office = t.services.pointStore.listAll().find((p) => p.external_id?.startsWith('seed:village-office:'))!;
    const phone = await t.app.request(`/api/points/${office.id}`, jsonRequest('PATCH', { phone: '(0366) 91234' }, cookie));
    expect(phone.status).toBe(200);
    expect(t.services.pointStore.get(office.id)!.location_note_code).toBe('seed_village_interior');
    const note = await t.app.request(`/api/points/${office.id}`, jsonRequest('PATCH', { location_note: 'Di sebelah pura desa.' }, cookie));
    expect(note.status).toBe(200);
    expect(t.services.pointStore.get(office.id)).toMatchObject({ location_note: 'Di sebelah pura desa.', location_note_code: null });
  });

  it('migrates a database seeded before: seeded notes get their code, notes staff edited stay as written', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const m of migrationFiles().filter((f) => f.version < 80)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(m.name, '2026-01-01T00:00:00Z');
    }
    const insert = db.prepare("INSERT INTO points (name, type, lng, lat, location_note, source, external_id, created_at, updated_at) VALUES (?, ?, 115.35, -8.45, ?, 'Seed', ?, 'x', 'x')");
    insert.run('Kantor Perbekel A', 'village_office', OLD_VILLAGE_NOTE, 'seed:village-office:51.06.01.2001');
    insert.run('Kantor Perbekel B', 'village_office', 'Di depan balai banjar. / In front of the hall.', 'seed:village-office:51.06.01.2002');
    insert.run('Pasar Kidul', 'market', OLD_MARKET_NOTE, 'seed:mkt-pasar-kidul-bangli');
    insert.run('Balai Staf', 'community_hall', OLD_VILLAGE_NOTE, null);
    migrate(db);
    const rows = db.prepare('SELECT name, location_note, location_note_code FROM points ORDER BY id').all();
    expect(rows).toEqual([
      { name: 'Kantor Perbekel A', location_note: 'Titik di tengah wilayah desa, bukan letak kantor yang sebenarnya.', location_note_code: 'seed_village_interior' },
      { name: 'Kantor Perbekel B', location_note: 'Di depan balai banjar. / In front of the hall.', location_note_code: null },
      { name: 'Pasar Kidul', location_note: 'Titik pusat kota Bangli (GeoNames), bukan gedung pasar.', location_note_code: 'seed_town_centre' },
      { name: 'Balai Staf', location_note: OLD_VILLAGE_NOTE, location_note_code: null },
    ]);
  });
});
