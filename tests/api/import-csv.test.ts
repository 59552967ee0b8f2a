import { beforeEach, describe, expect, it } from 'vitest';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { byExternalPrefix, snapshot, upload } from './importHelpers.js';

let t: TestApp;
let cookie: string;
let email: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie, email } = await loginAs(t, 'staff'));
});

const importCsv = (csv: string, query = '') => t.app.request(`/api/import${query}`, upload(csv, 'text/csv', cookie));

/** Made-up places inside Kabupaten Bangli. Line 1 is the header, so the rows are lines 2, 3 and 4. */
const GOOD = [
  'name,type,lat,lng,external_id,address,phone,whatsapp,services,accuracy,notes',
  'Balai Banjar Contoh Satu,community_hall,-8.4101,115.3702,test:hall-1,Banjar Contoh,(0366) 91234,0812-3456-7890,registration;information,exact,',
  'Pasar Contoh,market,-8.3001,115.3501,test:market-1,,,,information|payment,,Ramai pagi hari',
  'Titik Tanpa Kunci,other,-8.3502,115.4003,,,,,,,',
].join('\n');

describe('POST /api/import (CSV)', () => {
  it('creates every row of a valid file and derives each village_code from the position', async () => {
    const before = t.services.pointStore.count();
    const res = await importCsv(GOOD);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 3, updated: 0, errors: [], format: 'csv', dry_run: false });
    expect(t.services.pointStore.count()).toBe(before + 3);
    const hall = t.services.pointStore.getByExternalId('test:hall-1')!;
    expect(hall).toMatchObject({
      name: 'Balai Banjar Contoh Satu', type: 'community_hall', position: [115.3702, -8.4101], address: 'Banjar Contoh',
      phone: '+6236691234', whatsapp: '+6281234567890', services: ['registration', 'information'], accuracy: 'exact', status: 'active',
    });
    expect(hall.village_code).toBe(t.services.villages.codeAt([115.3702, -8.4101]));
    const market = t.services.pointStore.getByExternalId('test:market-1')!;
    expect(market.services).toEqual(['information', 'payment']);
    expect(market.accuracy).toBe('approximate');
    expect(market.notes).toBe('Ramai pagi hari');
  });

  it('reports a bad row of a dry run at its line in the file, naming each bad field, and changes nothing', async () => {
    const csv = [
      'name,type,lat,lng,external_id,services',
      'Pasar Contoh,market,-8.3001,115.3501,test:a,',
      'Balai Contoh,community_hall,-8.4101,115.3702,test:b,',
      'Kantor Contoh,village_office,-8.3502,115.4003,test:c,',
      'Baris Rusak,warung,-8.35,115.4a,test:d,registration;coffee',
      'Balai Lain,community_hall,-8.4201,115.3802,test:e,',
    ].join('\n');
    const before = snapshot(t);
    const res = await importCsv(csv, '?dry_run=true');
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ created: 4, updated: 0, dry_run: true });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [5, 'type'],
      [5, 'lng'],
      [5, 'services'],
    ]);
    expect(report.errors[0].message).toMatch(/warung/);
    expect(report.errors[1].message).toMatch(/115\.4a/);
    expect(snapshot(t)).toEqual(before);
  });

  it('counts lines as in the file when a quoted cell spans several lines and blank lines sit between rows', async () => {
    const csv = 'name,type,lat,lng,notes\r\n"Balai Contoh",community_hall,-8.41,115.37,"baris satu\r\nbaris dua\r\nbaris tiga"\r\n\r\nPasar Contoh,market,-8.30,abc,\r\n';
    const report = await (await importCsv(csv, '?dry_run=true')).json();
    expect(report.errors).toEqual([
      { line: 6, field: 'lng', code: 'number_out_of_range', params: { min: -180, max: 180, got: 'abc' }, message: expect.stringMatching(/abc/) },
    ]);
  });

  it('changes nothing when one row is invalid: 422 with the same report, and every row stays as it was', async () => {
    await importCsv(GOOD);
    const before = snapshot(t);
    const csv = [
      'name,type,lat,lng,external_id',
      'Balai Banjar Contoh Satu (diganti),community_hall,-8.4111,115.3712,test:hall-1',
      'Titik Baru,other,-8.35,115.40,test:new-1',
      'Di Luar Indonesia,market,51.5,-0.12,test:new-2',
    ].join('\n');
    const dry = await (await importCsv(csv, '?dry_run=true')).json();
    const res = await importCsv(csv);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors).toEqual(dry.errors);
    expect(body).toMatchObject({ created: dry.created, updated: dry.updated, dry_run: false });
    expect(body.errors[0]).toMatchObject({ line: 4, field: 'lat' });
    expect(body.error).toMatchObject({ field: 'lat', code: 'import_invalid', message: expect.stringMatching(/nothing was imported/) });
    expect(snapshot(t)).toEqual(before);
    expect(t.services.audit.list({ entity: 'import', limit: 10 })).toHaveLength(1); // only the first, successful import
  });

  it('updates rows with a known external_id on re-import instead of duplicating them', async () => {
    await importCsv(GOOD);
    const count = t.services.pointStore.count();
    const again = await (await importCsv(GOOD)).json();
    // The row without external_id is created again: only external_id (or id) identifies a point.
    expect(again).toMatchObject({ created: 1, updated: 2, unchanged: 2, errors: [] });
    expect(t.services.pointStore.count()).toBe(count + 1);

    const changed = GOOD.split('\n').slice(0, 3).join('\n').replace('Balai Banjar Contoh Satu', 'Balai Banjar Contoh Satu (pindah)').replace('-8.4101,115.3702', '-8.4105,115.3706');
    const report = await (await importCsv(changed)).json();
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const rows = byExternalPrefix(t, 'test:hall-');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Balai Banjar Contoh Satu (pindah)', lat: -8.4105, lng: 115.3706 });
  });

  it('keeps stored values of optional columns the file does not have, and clears those it has empty', async () => {
    await importCsv(GOOD);
    const res = await importCsv('name,type,lat,lng,external_id,phone\nBalai Banjar Contoh Satu,community_hall,-8.4101,115.3702,test:hall-1,\n');
    expect((await res.json()).updated).toBe(1);
    const hall = t.services.pointStore.getByExternalId('test:hall-1')!;
    expect(hall.phone).toBeNull(); // column present, cell empty: cleared
    expect(hall.whatsapp).toBe('+6281234567890'); // column absent: kept
    expect(hall.services).toEqual(['registration', 'information']);
  });

  it('refuses two rows for the same external_id in one file, naming the earlier line', async () => {
    const csv = 'name,type,lat,lng,external_id\nA Satu,market,-8.30,115.35,test:x\nA Dua,market,-8.31,115.36,test:x\n';
    const report = await (await importCsv(csv, '?dry_run=true')).json();
    expect(report.errors).toEqual([
      { line: 3, field: 'external_id', code: 'import_repeated_row', params: { other_line: 2 }, message: expect.stringMatching(/line 2/) },
    ]);
  });

  it('names missing and unknown header columns at line 1', async () => {
    const report = await (await importCsv('nama,type,lat,lng\nPasar,market,-8.3,115.3\n', '?dry_run=true')).json();
    expect(report.errors).toEqual([
      {
        line: 1, field: 'nama', code: 'import_column_unknown',
        params: { allowed: ['name', 'type', 'lat', 'lng', 'id', 'external_id', 'address', 'phone', 'whatsapp', 'services', 'accuracy', 'notes'], got: 'nama', suggestion: 'name' },
        message: expect.stringMatching(/unknown column "nama"/),
      },
      { line: 1, field: 'name', code: 'import_column_missing', params: { column: 'name' }, message: expect.stringMatching(/no "name" column/) },
    ]);
  });

  it('reports a row with the wrong number of values instead of guessing', async () => {
    const report = await (await importCsv('name,type,lat,lng\nPasar, Kidul,market,-8.3,115.3\n', '?dry_run=true')).json();
    expect(report.errors).toEqual([
      { line: 2, field: 'row', code: 'import_cells_mismatch', params: { got: 5, expected: 4 }, message: expect.stringMatching(/5 values but the header has 4/) },
    ]);
  });

  it('records one audit entry per import with who did it and the counts', async () => {
    await importCsv(GOOD);
    const entries = t.services.audit.list({ entity: 'import', limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', actor_email: email, after: { format: 'csv', created: 3, updated: 0 } });
  });

  it('answers an unknown content type with 415 naming content-type, and a bad dry_run with 400', async () => {
    const res = await t.app.request('/api/import', upload('<points/>', 'application/xml', cookie));
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({ field: 'content-type', message: expect.stringMatching(/application\/xml/) });
    const bad = await importCsv(GOOD, '?dry_run=yes');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('dry_run');
  });

  it('answers a body over 50 MB with 413 and a JSON error', async () => {
    const big = 'name,type,lat,lng\n' + 'x'.repeat(50 * 1024 * 1024);
    const res = await importCsv(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ field: 'body', message: expect.stringMatching(/npm run import/) });
  });
});

describe('POST /api/import roles', () => {
  it('answers anonymous 401, planner 403, and lets staff and admin import', async () => {
    const anon = await t.app.request('/api/import', upload(GOOD, 'text/csv'));
    expect(anon.status).toBe(401);
    expect((await anon.json()).error.message).toBeTruthy();
    const planner = await loginAs(t, 'planner');
    const denied = await t.app.request('/api/import?dry_run=true', upload(GOOD, 'text/csv', planner.cookie));
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toMatch(/staff/);
    expect((await importCsv(GOOD, '?dry_run=true')).status).toBe(200);
    const admin = await loginAs(t, 'admin');
    expect((await t.app.request('/api/import?dry_run=true', upload(GOOD, 'text/csv', admin.cookie))).status).toBe(200);
  });
});
