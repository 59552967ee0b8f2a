import type { RegionLevel } from './types.js';

/** Code shapes per level: 51 · 51.06 · 51.06.01 · 51.06.01.2001. */
const CODE_PATTERNS: Record<RegionLevel, RegExp> = {
  prov: /^\d{2}$/,
  kab: /^\d{2}\.\d{2}$/,
  kec: /^\d{2}\.\d{2}\.\d{2}$/,
  kel: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
};

/** The level a Kemendagri code belongs to, or null when it has none of the four shapes. */
export function levelOfCode(code: string): RegionLevel | null {
  for (const level of ['prov', 'kab', 'kec', 'kel'] as const) if (CODE_PATTERNS[level].test(code)) return level;
  return null;
}

/** The level named by an upstream file name (`wilayah_boundaries_kel_51.06.sql[.gz]`), or null. */
export function levelOfFileName(fileName: string): RegionLevel | null {
  const m = /wilayah_boundaries_(prov|kab|kec|kel)(?:_[\d.]+)?\.sql(?:\.gz)?$/.exec(fileName);
  return m ? (m[1] as RegionLevel) : null;
}

/** The code of the region one level up (51.06.01.2001 → 51.06.01), or null for a province. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** The kabupaten/kota code (NN.NN) of any code at kabupaten level or below. */
export function kabupatenOf(code: string): string {
  return code.slice(0, 5);
}

/**
 * desa or kelurahan from the village code: Kemendagri numbers kelurahan 1001–1999 and desa 2001–2999
 * (all 4 Bangli kelurahan and 68 desa follow it).
 */
export function villageKind(code: string): 'desa' | 'kelurahan' {
  return code.slice(9, 10) === '1' ? 'kelurahan' : 'desa';
}

/** True when `code` lies inside `region` (a province, kabupaten or kecamatan code, or the code itself). */
export function withinRegion(code: string, region: string): boolean {
  return code === region || code.startsWith(`${region}.`);
}
