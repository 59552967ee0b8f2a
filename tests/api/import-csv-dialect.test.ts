/**
 * Issue 13: a CSV saved by Excel set to Indonesian (semicolons between cells, decimal commas) is read as what it
 * is. Oracle: the same places written as plain comma CSV give the same stored rows.
 */
import { describe, expect, it } from 'vitest';
import { loginAs, makeTestApp } from '../helpers/app.js';
import { byExternalPrefix, upload } from './importHelpers.js';
import { detectCsvDialect, normalizeNumberCell } from '../../server/services/import/csvDialect.js';

/** Made-up places inside Kabupaten Bangli, once in each dialect. */
const COMMA = [
  'name,type,lat,lng,external_id,services,notes',
  'Balai Banjar Contoh Satu,community_hall,-8.4101,115.3702,dialect:hall-1,registration|information,"Ramai, pagi hari"',
  'Pasar Contoh,market,-8.3001,115.3501,dialect:market-1,information,',
].join('\n');
const SEMICOLON = [
  '\uFEFFname;type;lat;lng;external_id;services;notes',
  'Balai Banjar Contoh Satu;community_hall;-8,4101;115,3702;dialect:hall-1;registration|information;"Ramai, pagi hari"',
  'Pasar Contoh;market;-8,3001;115,3501;dialect:market-1;information;',
].join('\r\n');

async function storedAfterImport(csv: string) {
  const t = makeTestApp();
  const { cookie } = await loginAs(t, 'staff');
  const res = await t.app.request('/api/import', upload(csv, 'text/csv', cookie));
  const body = await res.json();
  const rows = byExternalPrefix(t, 'dialect:').map(({ id: _i, created_at: _c, updated_at: _u, ...rest }) => rest);
  return { status: res.status, body, rows };
}

describe('importing a semicolon CSV with decimal commas', () => {
  it('stores the same places as the comma CSV of the same data', async () => {
    const comma = await storedAfterImport(COMMA);
    const semicolon = await storedAfterImport(SEMICOLON);
    expect(comma.status).toBe(200);
    expect(semicolon).toMatchObject({ status: 200, body: { created: 2, errors: [] } });
    expect(semicolon.rows).toEqual(comma.rows);
    expect(semicolon.rows.map((r) => [r.lat, r.lng])).toEqual([[-8.4101, 115.3702], [-8.3001, 115.3501]]);
  });
});

describe('detectCsvDialect', () => {
  it.each([
    ['name,type,lat,lng', ','],
    ['name;type;lat;lng', ';'],
    ['\uFEFFname;type;lat;lng\r\nA;market;-8,1;115,2', ';'],
    ['"name;x",type,lat,lng', ','],
    ['name;type,lat;lng', ','],
    ['name', ','],
  ])('reads %j as %s-separated', (start, delimiter) => {
    expect(detectCsvDialect(start).delimiter).toBe(delimiter);
  });

  it('turns only a single decimal comma into a point, and only in the semicolon dialect', () => {
    const semi = detectCsvDialect('a;b');
    expect(['-8,4512', '115,3541', ',5', '1,234,5', '-8.45', 'abc'].map((c) => normalizeNumberCell(c, semi))).toEqual(['-8.4512', '115.3541', '.5', '1,234,5', '-8.45', 'abc']);
    expect(normalizeNumberCell('-8,4512', detectCsvDialect('a,b'))).toBe('-8,4512');
  });
});
