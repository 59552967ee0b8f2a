import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { ROOT_DIR } from '../../../server/config.js';
import { BoundaryFileError, parseBoundaryLines } from '../../../server/domain/regions/parseBoundaries.js';
import { interiorPoint } from '../../../server/domain/regions/interior.js';
import type { BoundaryRecord } from '../../../server/domain/regions/types.js';

const DIR = join(ROOT_DIR, 'data', 'wilayah_boundaries');
const FILES = readdirSync(DIR).filter((f) => /^wilayah_boundaries_.*\.sql$/.test(f)).sort();

function parseFile(name: string): BoundaryRecord[] {
  return [...parseBoundaryLines(readFileSync(join(DIR, name), 'utf8').split('\n'), name)];
}

function parseText(text: string, name = 'bad.sql'): BoundaryRecord[] {
  return [...parseBoundaryLines(text.split('\n'), name)];
}

/** The error a parse throws, for asserting on file, line and problem. */
function parseError(text: string, name = 'bad.sql'): BoundaryFileError {
  try {
    parseText(text, name);
  } catch (e) {
    if (e instanceof BoundaryFileError) return e;
    throw e;
  }
  throw new Error('expected a BoundaryFileError');
}

const all = FILES.flatMap(parseFile);
const bangli = JSON.parse(readFileSync(join(ROOT_DIR, 'data', 'bangli_villages_boundaries.geojson'), 'utf8')) as {
  features: { properties: { code: string; name: string; interior_lat: number; interior_lng: number }; geometry: unknown }[];
};

/** Metres between two [lng, lat] points (equirectangular; exact enough below 1 km). */
function metres(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180;
  const x = (a[0] - b[0]) * Math.cos(((a[1] + b[1]) / 2) * k) * 6_371_008.8 * k;
  const y = (a[1] - b[1]) * 6_371_008.8 * k;
  return Math.hypot(x, y);
}

const HEADER = 'INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES';
const SQUARE = '[[[-8.4,115.3],[-8.4,115.31],[-8.41,115.31],[-8.41,115.3],[-8.4,115.3]]]';

describe('the upstream boundary files of Bali', () => {
  it('hold 9 kabupaten/kota, 57 kecamatan and 716 villages', () => {
    const count = (level: string) => all.filter((r) => r.level === level).length;
    expect([count('kab'), count('kec'), count('kel')]).toEqual([9, 57, 716]);
  });

  it('give each kabupaten the village count its PROVENANCE lists', () => {
    const perKab: Record<string, number> = {};
    for (const r of all) if (r.level === 'kel') perKab[r.code.slice(0, 5)] = (perKab[r.code.slice(0, 5)] ?? 0) + 1;
    expect(perKab).toEqual({ '51.01': 51, '51.02': 133, '51.03': 62, '51.04': 70, '51.05': 59, '51.06': 72, '51.07': 78, '51.08': 148, '51.71': 43 });
  });

  it('convert Bangli to the same 72 codes, names and [lng, lat] rings as the shipped GeoJSON', () => {
    const parsed = all.filter((r) => r.level === 'kel' && r.code.startsWith('51.06.'));
    expect(parsed.map((r) => [r.code, r.name])).toEqual(bangli.features.map((f) => [f.properties.code, f.properties.name]));
    for (const [i, r] of parsed.entries()) expect(r.geometry).toEqual(bangli.features[i].geometry);
  });

  it('reproduce the 72 shipped Bangli interior points within 1 metre', () => {
    const byCode = new Map(all.map((r) => [r.code, r]));
    const worst = Math.max(
      ...bangli.features.map((f) => metres(interiorPoint(byCode.get(f.properties.code)!.geometry), [f.properties.interior_lng, f.properties.interior_lat])),
    );
    expect(worst).toBeLessThan(1);
  });

  it('put every interior point of the 716 villages inside its village, even where the upstream centroid is outside', () => {
    const villages = all.filter((r) => r.level === 'kel');
    const outsideCentroids = villages.filter((r) => !booleanPointInPolygon(r.centroid, r.geometry)).map((r) => r.code);
    expect(outsideCentroids).toEqual(expect.arrayContaining(['51.06.01.2007', '51.06.03.2001', '51.06.04.2022', '51.06.04.2023', '51.06.04.2024']));
    for (const r of villages) expect(booleanPointInPolygon(interiorPoint(r.geometry), r.geometry), r.code).toBe(true);
  });

  it('give bounding boxes that contain every vertex', () => {
    for (const r of all) {
      const coords = (r.geometry.type === 'Polygon' ? r.geometry.coordinates : r.geometry.coordinates.flat()).flat();
      expect(Math.min(...coords.map((c) => c[0]))).toBe(r.bbox[0]);
      expect(Math.max(...coords.map((c) => c[1]))).toBe(r.bbox[3]);
    }
  });
});

describe('a bad boundary file', () => {
  const real = readFileSync(join(DIR, 'wilayah_boundaries_kel_51.06.sql'), 'utf8');
  const realLines = real.split('\n');

  it('cut off in the middle of a record names the file and the line', () => {
    const firstRecord = realLines.findIndex((l) => l.trim().startsWith("('"));
    const cut = [...realLines.slice(0, firstRecord), realLines[firstRecord].slice(0, 500)].join('\n');
    const e = parseError(cut, 'wilayah_boundaries_kel_51.06.sql');
    expect(e.message).toMatch(/^wilayah_boundaries_kel_51\.06\.sql:\d+: truncated record/);
    expect(e.line).toBe(firstRecord + 1);
    expect(e.params).toMatchObject({ file: 'wilayah_boundaries_kel_51.06.sql', line: firstRecord + 1 });
  });

  it('cut off between records (the last one ends with a comma) is truncated', () => {
    const lastRecord = realLines.findIndex((l) => l.includes("'51.06.01.2003'"));
    const e = parseError(realLines.slice(0, lastRecord + 1).join('\n'));
    expect(e.message).toMatch(/truncated: the file ends inside an INSERT statement/);
  });

  it('in another format (a CSV) is rejected on its first line', () => {
    const e = parseError('code,name,lat,lng\n51.06.01.2001,Apuan,-8.49,115.33\n', 'villages.csv');
    expect([e.file, e.line]).toEqual(['villages.csv', 1]);
    expect(e.message).toMatch(/not a wilayah_boundaries file/);
  });

  it('with a record in the wrong shape names that line', () => {
    const e = parseError(`/* header */\n${HEADER}\n\t('51.06.01.2001','Apuan',-8.4,'${SQUARE}');\n`);
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/wrong format/);
  });

  it('with a ring of fewer than 4 positions is rejected', () => {
    const e = parseError(`${HEADER}\n('51.06.01.2001','Apuan',-8.4,115.3,'[[[-8.4,115.3],[-8.4,115.31],[-8.4,115.3]]]');\n`);
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/ring 1 of polygon 1 of 51\.06\.01\.2001 has 3 positions; a ring needs at least 4/);
  });

  it('with a ring whose last position is not its first is rejected', () => {
    const e = parseError(`${HEADER}\n('51.06.01.2001','Apuan',-8.4,115.3,'[[[-8.4,115.3],[-8.4,115.31],[-8.41,115.31],[-8.41,115.3]]]');\n`);
    expect(e.message).toMatch(/is not closed/);
  });

  it('mixing kecamatan and village codes is rejected', () => {
    const e = parseError(`${HEADER}\n('51.06.01','Susut',-8.4,115.3,'${SQUARE}'),\n('51.06.01.2001','Apuan',-8.4,115.3,'${SQUARE}');\n`);
    expect([e.line, e.message]).toEqual([3, expect.stringMatching(/wrong level: code 51\.06\.01\.2001 is a kel code in a kec file/)]);
  });

  it('with no records at all is rejected', () => {
    expect(parseError('/* only a comment */\n').message).toMatch(/no records/);
  });

  it('converts a hand-made good file with [lat, lng] pairs to [lng, lat]', () => {
    const [r] = parseText(`${HEADER}\n('51.06.01.2001','Apuan',-8.405,115.305,'${SQUARE}');\n`);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [[[115.3, -8.4], [115.31, -8.4], [115.31, -8.41], [115.3, -8.41], [115.3, -8.4]]] });
    expect(r.centroid).toEqual([115.305, -8.405]);
    expect(r.bbox).toEqual([115.3, -8.41, 115.31, -8.4]);
  });
});
