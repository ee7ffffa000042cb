/**
 * Online backup and checked restore of the SQLite database (honours DATABASE_PATH).
 *   npm run backup -- <file>    consistent copy while the server runs (SQLite backup API)
 *   npm run restore -- <file>   checks the copy's integrity and row counts, then restores it
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';

const COUNTED = ['goals', 'status_events', 'sources', 'reported_figures', 'users', 'audit_log', 'snapshots'] as const;

export type RowCounts = Record<(typeof COUNTED)[number], number>;

export function rowCounts(db: Database.Database): RowCounts {
  return Object.fromEntries(
    COUNTED.map((table) => [table, Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get())]),
  ) as RowCounts;
}

/** Opens a database file read-only and checks it: integrity, foreign keys, and our schema. */
export function checkDatabaseFile(file: string): RowCounts {
  if (!fs.existsSync(file)) throw new Error(`${file}: Datei nicht gefunden`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file}: integrity_check meldet ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) throw new Error(`${file}: ${fk.length} verletzte Fremdschlüssel`);
    return rowCounts(db);
  } finally {
    db.close();
  }
}

export async function backup(databasePath: string, target: string): Promise<RowCounts> {
  if (fs.existsSync(target)) throw new Error(`${target} gibt es schon; bitte einen neuen Dateinamen wählen`);
  if (!fs.existsSync(databasePath))
    throw new Error(`${databasePath}: keine Datenbank zum Sichern (DATABASE_PATH prüfen)`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = openDatabase(databasePath);
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return checkDatabaseFile(target);
}

/**
 * Restores through SQLite's backup API into the live file: safe even while a server holds
 * it open (the copy takes the write lock; readers then see the restored state).
 */
export async function restore(databasePath: string, source: string): Promise<RowCounts> {
  const expected = checkDatabaseFile(source);
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await src.backup(databasePath);
  } finally {
    src.close();
  }
  const db = openDatabase(databasePath);
  try {
    const actual = rowCounts(db);
    const differing = COUNTED.filter((table) => actual[table] !== expected[table]);
    if (differing.length > 0) throw new Error(`Zeilenzahlen weichen ab: ${differing.join(', ')}`);
    return actual;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, file] = process.argv.slice(2);
  const { DATABASE_PATH } = loadConfig();
  try {
    if (!file || (command !== 'backup' && command !== 'restore'))
      throw new Error('Aufruf: npm run backup -- <datei> | npm run restore -- <datei>');
    const counts = command === 'backup' ? await backup(DATABASE_PATH, file) : await restore(DATABASE_PATH, file);
    console.log(`${command === 'backup' ? 'Sicherung' : 'Wiederherstellung'} geprüft (integrity_check ok):`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table}: ${n}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
}
