/**
 * Reading upstream boundary files (`wilayah_boundaries_*.sql`, optionally gzipped) line by line, and finding the
 * ones data/ ships for a region. The parsing itself is pure (server/domain/regions/parseBoundaries.ts).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';

/** Folder of data/ that holds the upstream boundary files. */
export const BOUNDARY_DIR = 'wilayah_boundaries';

/** The lines of a file, streamed (constant memory); `onBytes` gets the compressed bytes read so far. */
export async function* streamLines(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const raw = createReadStream(file);
  let bytes = 0;
  if (onBytes) raw.on('data', (chunk) => onBytes((bytes += chunk.length)));
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) yield line;
  } finally {
    rl.close();
    raw.destroy();
  }
}

/** All lines of a small file at once (for the start-up seed, which is synchronous). */
export function readLines(file: string): string[] {
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8').split('\n');
}

/** A stable identity of a file's content for in-process caches: path, size and modification time. */
export function fileStamp(file: string): string {
  const s = statSync(file);
  return `${file}\t${s.size}\t${s.mtimeMs}`;
}

/** The boundary file in `dataDir` for a level and scope (e.g. kel + 51.06), plain or gzipped, or null. */
export function shippedFile(dataDir: string, level: 'kab' | 'kec' | 'kel', scope: string): string | null {
  for (const name of [`wilayah_boundaries_${level}_${scope}.sql`, `wilayah_boundaries_${level}_${scope}.sql.gz`]) {
    const p = join(dataDir, BOUNDARY_DIR, name);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Kabupaten codes of a province whose village files `dataDir` ships (from the file names). */
export function shippedKabupaten(dataDir: string, provinceCode: string): string[] {
  const dir = join(dataDir, BOUNDARY_DIR);
  if (!existsSync(dir)) return [];
  const re = new RegExp(`^wilayah_boundaries_kel_(${provinceCode}\\.\\d{2})\\.sql(\\.gz)?$`);
  return [...new Set(readdirSync(dir).map((f) => re.exec(basename(f))?.[1]).filter((c): c is string => !!c))].sort();
}
