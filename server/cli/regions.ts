/**
 * npm run regions -- import FILE…
 * Imports upstream boundary files (cahyadsn/wilayah_boundaries `wilayah_boundaries_{kab,kec,kel}_*.sql`, plain or
 * .gz) into JANGKAU_DB: all files in one transaction, idempotent (the same files again change nothing), another
 * province's files add that province. The server then serves what JANGKAU_REGIONS names.
 * Exit code 0 = imported, 1 = a bad file (nothing written; the message names the file and line), 2 = usage.
 */
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { openDb } from '../storage/db.js';
import { importRegionFiles, type RegionImportProgress } from '../services/regions/importFiles.js';
import { InvalidInputError } from '../domain/errors.js';

const USAGE =
  'Usage: npm run regions -- import FILE…\n' +
  '  FILE: wilayah_boundaries_kab_NN.sql, wilayah_boundaries_kec_NN.sql and wilayah_boundaries_kel_NN.NN.sql (or .sql.gz)\n' +
  '  from github.com/cahyadsn/wilayah_boundaries; Bali\'s ship in data/wilayah_boundaries/.';

async function main() {
  const [command, ...files] = process.argv.slice(2);
  if (command !== 'import' || files.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`No such file: ${missing.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const db = openDb(config.dbFile);
  const bar = new cliProgress.SingleBar(
    { format: 'importing [{bar}] {percentage}% | {records} records | {file}', hideCursor: true, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const onProgress = (p: RegionImportProgress) => {
    if (!started) {
      bar.start(Math.max(p.totalBytes, 1), 0, { records: 0, file: p.file });
      started = true;
    }
    bar.update(Math.min(p.bytes, p.totalBytes), { records: p.records, file: p.file });
  };
  try {
    const summary = await importRegionFiles(db, files, onProgress);
    if (started) bar.stop();
    const r = summary.records;
    console.log(`Imported ${summary.files} files into ${config.dbFile}: ${r.kab} kabupaten/kota, ${r.kec} kecamatan, ${r.kel} desa/kelurahan.`);
  } catch (err) {
    if (started) bar.stop();
    if (err instanceof InvalidInputError) {
      console.error(`Nothing imported: ${err.message}`);
      process.exit(1);
    }
    throw err;
  } finally {
    db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
