/**
 * Online backup and checked restore of the SQLite database (honours DATABASE_PATH).
 *   npm run backup -- <file>                     consistent copy while the server runs (SQLite backup API)
 *   npm run backup -- --into <dir> [--keep 14]   the same into <dir>/zielmonitor-<time>.sqlite, keeping the newest 14
 *   npm run restore -- <file> [--force]          checks the copy, re-applies revoked access, ends every session,
 *                                                carries the audit log over and records the restore
 * Backups are created 0600 in folders created 0700. Every restore is appended to
 * <database>.restore-log, a file beside the database that no restore replaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { checkDatabaseFile, createPrivateFile, type RowCounts } from './lib/database-files.ts';
import { restore } from './lib/restore.ts';

export async function backup(databasePath: string, target: string): Promise<RowCounts> {
  if (!fs.existsSync(databasePath))
    throw new Error(`${databasePath}: keine Datenbank zum Sichern (DATABASE_PATH prüfen)`);
  createPrivateFile(target);
  const db = openDatabase(databasePath);
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  // One self-contained file: the copy keeps no -wal/-shm beside it, whoever opens it later.
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return checkDatabaseFile(target);
}

const BACKUP_NAME = /^zielmonitor-\d{4}-\d{2}-\d{2}T\d{6}Z\.sqlite$/;

/** A checked backup into `dir` named by the time, then only the newest `keep` such files are kept. */
export async function backupInto(databasePath: string, dir: string, keep: number, now = new Date()) {
  const stamp = now
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  const file = path.join(dir, `zielmonitor-${stamp}.sqlite`);
  const counts = await backup(databasePath, file);
  const removed = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .slice(keep);
  removed.forEach((name) => fs.rmSync(path.join(dir, name)));
  return { file, counts, removed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...rest] = process.argv.slice(2);
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { force: { type: 'boolean' }, into: { type: 'string' }, keep: { type: 'string' } },
    });
    const { DATABASE_PATH } = loadConfig();
    const file = positionals[0];
    let counts: RowCounts;
    if (command === 'backup' && values.into) {
      const keep = Number(values.keep ?? 14);
      if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep: eine Anzahl ab 1 erwartet');
      const result = await backupInto(DATABASE_PATH, values.into, keep);
      console.log(`Sicherung ${result.file}`);
      result.removed.forEach((name) => console.log(`  ältere Sicherung gelöscht: ${name}`));
      counts = result.counts;
    } else if (command === 'backup' && file) {
      counts = await backup(DATABASE_PATH, file);
    } else if (command === 'restore' && file) {
      counts = await restore(DATABASE_PATH, file, { force: values.force === true, out: (line) => console.log(line) });
    } else {
      throw new Error(
        'Aufruf: npm run backup -- <datei> | npm run backup -- --into <ordner> [--keep 14] | npm run restore -- <datei> [--force]',
      );
    }
    console.log(`${command === 'backup' ? 'Sicherung' : 'Wiederherstellung'} geprüft (integrity_check ok):`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table}: ${n}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
}
