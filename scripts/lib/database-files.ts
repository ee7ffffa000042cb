/**
 * Database files as the backup and restore commands handle them: checked read-only (integrity,
 * foreign keys, row counts) and created owner-only, never over an existing one.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PRIVATE_DIR, PRIVATE_FILE } from '../../server/src/db/database.ts';

export const COUNTED = [
  'goals',
  'status_events',
  'sources',
  'reported_figures',
  'users',
  'audit_log',
  'snapshots',
] as const;

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

/** Creates `file` empty and owner-only, refusing one that exists (no backup is ever overwritten). */
export function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: PRIVATE_DIR });
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${file} gibt es schon; bitte einen neuen Dateinamen wählen`, { cause: err });
    throw err;
  }
}
