/**
 * Online backup of the live database (thin wrapper over storage/backup.ts):
 *   npm run backup -- FILE
 * Copies JANGKAU_DB (default data/jangkau.db) to FILE with SQLite's backup API while the server keeps
 * running, then checks the copy's integrity. Restoring is described in docs/operations.md.
 */
import { loadConfig } from '../config.js';
import { backupDatabase } from '../storage/backup.js';

async function main() {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) {
    console.error('Usage: npm run backup -- FILE   (copies $JANGKAU_DB, default data/jangkau.db, to FILE while the server runs)');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const result = await backupDatabase(config.dbFile, target);
  if (result.integrity !== 'ok') {
    console.error(`Backup written to ${result.file} but its integrity check says: ${result.integrity}`);
    process.exit(1);
  }
  console.log(`Backup of ${config.dbFile} written to ${result.file} (${result.pages} pages, integrity ok).`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
