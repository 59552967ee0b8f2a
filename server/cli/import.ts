/**
 * npm run import -- FILE [--dry-run]
 * Imports service points from a CSV, GeoJSON or Overpass JSON file into JANGKAU_DB, all or nothing,
 * with the same pipeline as POST /api/import. Exit code 0 = imported (or dry run clean), 1 = invalid
 * rows (nothing written), 2 = usage or file problem.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { openDb } from '../storage/db.js';
import { seedIfEmpty } from '../storage/seed.js';
import { createServices } from '../services/index.js';
import { HttpError } from '../errors.js';
import type { ImportProgress } from '../services/import/index.js';

const USAGE = 'Usage: npm run import -- FILE [--dry-run]\n  FILE: .csv (name,type,lat,lng[,…]), .geojson/.json (FeatureCollection) or Overpass JSON. See docs/import.md.';
const SHOWN_ERRORS = 50;

function parseArgs(argv: string[]): { file: string; dryRun: boolean } | null {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  if (flags.some((f) => f !== '--dry-run') || files.length !== 1) return null;
  return { file: files[0], dryRun: flags.includes('--dry-run') };
}

/** Progress on a terminal as a bar; on a pipe or log as a plain line every 10,000 rows. */
function progressReporter(totalBytes: number) {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{phase} [{bar}] {percentage}% | {rows} rows', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let phase = '';
    return {
      update(p: ImportProgress) {
        const label = p.phase === 'check' ? 'checking' : 'writing ';
        if (label !== phase) {
          if (phase) bar.stop();
          phase = label;
          bar.start(Math.max(totalBytes, 1), 0, { phase, rows: 0 });
        }
        bar.update(Math.min(p.bytes, totalBytes), { phase, rows: p.rows });
      },
      stop: () => phase && bar.stop(),
    };
  }
  let lastPrinted = -1;
  let lastPhase = '';
  return {
    update(p: ImportProgress) {
      const step = Math.floor(p.rows / 10_000);
      if (p.phase === lastPhase && step === lastPrinted) return;
      lastPhase = p.phase;
      lastPrinted = step;
      const pct = totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / totalBytes)}% of the file)` : '';
      process.stdout.write(`progress: ${p.phase} ${p.rows} rows${pct}\n`);
    },
    stop() {},
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(args.file)) {
    console.error(`No such file: ${args.file}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const db = openDb(config.dbFile);
  try {
    const now = () => new Date();
    seedIfEmpty(db, config.dataDir, now()); // villages are needed to derive each point's village_code
    const services = createServices({ db, config, now });
    const actor = { id: null, email: `cli:${userInfo().username}` };
    const started = Date.now();
    const shown: { bar?: ReturnType<typeof progressReporter> } = {};
    const { report, rejected } = await services.importer.importFile(actor, args.file, {
      dryRun: args.dryRun,
      onProgress: (p) => (shown.bar ??= progressReporter(p.totalBytes ?? 0)).update(p),
    });
    shown.bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const errorCount = report.error_count ?? report.errors.length;
    if (errorCount > 0) {
      console.error(`${errorCount} problem(s) in ${args.file}; ${rejected ? 'nothing was imported' : 'dry run'}:`);
      for (const e of report.errors.slice(0, SHOWN_ERRORS)) console.error(`  line ${e.line}, ${e.field}: ${e.message}`);
      if (errorCount > SHOWN_ERRORS) console.error(`  … and ${errorCount - SHOWN_ERRORS} more`);
      return 1;
    }
    const verb = args.dryRun ? 'Dry run (nothing written): would create' : 'Imported: created';
    console.log(`${verb} ${report.created}, ${args.dryRun ? 'update' : 'updated'} ${report.updated} (${report.unchanged} unchanged), skipped ${report.skipped.length} — ${report.format}, ${seconds} s, database ${config.dbFile}`);
    for (const s of report.skipped.slice(0, 10)) console.log(`  skipped ${s.line}: ${s.message}`);
    return 0;
  } catch (err) {
    if (err instanceof HttpError) {
      console.error(`${args.file}: ${err.message}`);
      return err.status === 409 ? 1 : 2;
    }
    throw err;
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exit(3);
  },
);
