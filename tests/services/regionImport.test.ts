import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/storage/db.js';
import { RegionStore } from '../../server/storage/regions.js';
import { importRegionFiles } from '../../server/services/regions/importFiles.js';
import { ROOT_DIR } from '../../server/config.js';

const DIR = join(ROOT_DIR, 'data', 'wilayah_boundaries');
const BALI = readdirSync(DIR).filter((f) => /^wilayah_boundaries_.*\.sql$/.test(f)).map((f) => join(DIR, f));
const file = (name: string) => join(DIR, name);

const HEADER = 'INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES';
const SQUARE = '[[[-8.4,116.3],[-8.4,116.31],[-8.41,116.31],[-8.41,116.3],[-8.4,116.3]]]';
let tmp: string;
/** Made-up files for a second province (52), one kabupaten, one kecamatan, one village. */
let other: string[];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'regions-'));
  const write = (name: string, row: string) => {
    writeFileSync(join(tmp, name), `/* made-up test fixture */\n${HEADER}\n\t${row};\n`);
    return join(tmp, name);
  };
  other = [
    write('wilayah_boundaries_kab_52.sql', `('52.99','Kabupaten Contoh',-8.405,116.305,'${SQUARE}')`),
    write('wilayah_boundaries_kec_52.sql', `('52.99.01','Contoh',-8.405,116.305,'${SQUARE}')`),
    write('wilayah_boundaries_kel_52.99.sql', `('52.99.01.2001','Desa Contoh',-8.405,116.305,'${SQUARE}')`),
  ];
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('importing boundary files', () => {
  it('imports all of Bali: 9 kabupaten, 57 kecamatan, 716 villages', async () => {
    const db = openDb(':memory:');
    const summary = await importRegionFiles(db, BALI);
    expect(summary.records).toEqual({ prov: 0, kab: 9, kec: 57, kel: 716 });
    const store = new RegionStore(db);
    const dump = store.dump();
    expect([dump.region_provinces.length, dump.region_kabupaten.length, dump.region_kecamatan.length, dump.region_villages.length]).toEqual([1, 9, 57, 716]);
    expect(store.summaries().find((s) => s.code === '51.06')).toMatchObject({ name: 'Kabupaten Bangli', districts: 4, villages: 72 });
  });

  it('changes nothing when the same files are imported again, in another order', async () => {
    const db = openDb(':memory:');
    await importRegionFiles(db, BALI);
    const before = new RegionStore(db).dump();
    await importRegionFiles(db, [...BALI].reverse());
    expect(new RegionStore(db).dump()).toEqual(before);
  });

  it('reads gzipped files like plain ones', async () => {
    const plain = openDb(':memory:');
    const gz = openDb(':memory:');
    const names = ['wilayah_boundaries_kab_51.sql', 'wilayah_boundaries_kec_51.sql', 'wilayah_boundaries_kel_51.05.sql'];
    await importRegionFiles(plain, names.map(file));
    const zipped = names.map((n) => {
      writeFileSync(join(tmp, `${n}.gz`), gzipSync(readFileSync(file(n))));
      return join(tmp, `${n}.gz`);
    });
    await importRegionFiles(gz, zipped);
    expect(new RegionStore(gz).dump()).toEqual(new RegionStore(plain).dump());
  });

  it('adds another province beside Bali without touching Bali', async () => {
    const db = openDb(':memory:');
    await importRegionFiles(db, BALI);
    const bali = new RegionStore(db).dump();
    await importRegionFiles(db, other);
    const after = new RegionStore(db).dump();
    expect(after.region_villages.length).toBe(717);
    expect(after.region_provinces.map((p: any) => p.code)).toEqual(['51', '52']);
    for (const t of Object.keys(bali)) expect(after[t].filter((r: any) => r.code.startsWith('51'))).toEqual(bali[t]);
  });

  it('writes nothing when one file of several is bad, and names that file and line', async () => {
    const db = openDb(':memory:');
    await importRegionFiles(db, [file('wilayah_boundaries_kab_51.sql'), file('wilayah_boundaries_kec_51.sql'), file('wilayah_boundaries_kel_51.06.sql')]);
    const before = new RegionStore(db).dump();
    const lines = readFileSync(file('wilayah_boundaries_kel_51.04.sql'), 'utf8').split('\n');
    const broken = join(tmp, 'wilayah_boundaries_kel_51.04.sql');
    writeFileSync(broken, [...lines.slice(0, 40), lines[40].slice(0, 300)].join('\n'));
    await expect(importRegionFiles(db, [file('wilayah_boundaries_kel_51.05.sql'), broken])).rejects.toThrow(/^wilayah_boundaries_kel_51\.04\.sql:41: truncated record/);
    expect(new RegionStore(db).dump()).toEqual(before);
  });

  it('refuses villages whose kecamatan and kabupaten files were not imported', async () => {
    const db = openDb(':memory:');
    await expect(importRegionFiles(db, [other[2]])).rejects.toThrow(/52\.99\.01\.2001 … have no parent kecamatan or kabupaten/);
    expect(new RegionStore(db).dump().region_villages).toEqual([]);
  });
});

describe('npm run regions', () => {
  const run = promisify(execFile);

  it('imports files into JANGKAU_DB, then a bad file exits 1 naming file and line and changes nothing', async () => {
    const db = join(tmp, 'cli.db');
    const files = ['wilayah_boundaries_kab_51.sql', 'wilayah_boundaries_kec_51.sql', 'wilayah_boundaries_kel_51.06.sql'].map(file);
    const ok = await run('npx', ['tsx', 'server/cli/regions.ts', 'import', ...files], { cwd: ROOT_DIR, env: { ...process.env, JANGKAU_DB: db } });
    expect(ok.stdout).toMatch(/Imported 3 files .*: 9 kabupaten\/kota, 57 kecamatan, 72 desa\/kelurahan/);
    const bad = join(tmp, 'wilayah_boundaries_kel_51.01.sql');
    copyFileSync(file('wilayah_boundaries_kel_51.01.sql'), bad);
    writeFileSync(bad, readFileSync(bad, 'utf8').replace(/\);\s*$/, '),\n'));
    const failed = await run('npx', ['tsx', 'server/cli/regions.ts', 'import', bad], { cwd: ROOT_DIR, env: { ...process.env, JANGKAU_DB: db } }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Nothing imported: wilayah_boundaries_kel_51\.01\.sql:\d+: truncated/);
    const check = openDb(db);
    expect(new RegionStore(check).dump().region_villages.length).toBe(72);
    check.close();
  });
});
