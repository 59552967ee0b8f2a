import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createPrivateFile } from './db.js';
import { resolve } from 'node:path';

/** What an online backup wrote. */
export interface BackupResult {
  file: string;
  pages: number;
  /** PRAGMA integrity_check of the copy: 'ok' when sound. */
  integrity: string;
}

/**
 * Copies the live database `sourceFile` to `targetFile` with SQLite's online backup API (through
 * better-sqlite3's db.backup()): readers and writers keep working meanwhile, and the copy is one
 * consistent snapshot including what is still in the WAL. Refuses to overwrite the source itself.
 */
export async function backupDatabase(sourceFile: string, targetFile: string, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  if (!existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}: set JANGKAU_DB to the live database file.`);
  if (resolve(sourceFile) === resolve(targetFile)) throw new Error('The backup file must not be the live database itself.');
  const db = new Database(sourceFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    let pages = 0;
    createPrivateFile(targetFile); // the copy holds the same password and session hashes
    await db.backup(targetFile, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return 256; // pages per step: small steps let the live server's writers interleave
      },
    });
    const copy = new Database(targetFile, { readonly: true, fileMustExist: true });
    try {
      const integrity = copy.pragma('integrity_check', { simple: true }) as string;
      return { file: resolve(targetFile), pages, integrity };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}
