/**
 * `npm run restore` (scripts/backup.ts): a checked copy prepared beside the live database, then
 * copied in through SQLite's backup API; every step appended to <database>.restore-log.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, PRIVATE_FILE, type Db } from '../../server/src/db/database.ts';
import { applyRestorePlan, describePlan, planRestore } from '../../server/src/services/restore.ts';
import { checkDatabaseFile, COUNTED, createPrivateFile, rowCounts, type RowCounts } from './database-files.ts';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** One JSON line per restore step, appended and synced; the file is never replaced or truncated. */
function appendRestoreLog(databasePath: string, entry: Record<string, unknown>): void {
  const fd = fs.openSync(`${databasePath}.restore-log`, 'a', PRIVATE_FILE);
  try {
    fs.writeSync(fd, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The live database for comparison, or null when there is none; throws when it cannot be read. */
function openLive(databasePath: string): Db | null {
  if (!fs.existsSync(databasePath) || fs.statSync(databasePath).size === 0) return null;
  const db = openDatabase(databasePath);
  if (db.pragma('quick_check', { simple: true }) !== 'ok') {
    db.close();
    throw new Error('quick_check meldet Schäden');
  }
  return db;
}

/**
 * Restores `source` into the live file through SQLite's backup API: safe while the server holds it
 * open (readers then see the restored state). The copy is checked, prepared in a private temporary
 * file beside the live one (revoked access re-applied, sessions ended, audit log carried over, the
 * restore recorded) and only then copied in. Without --force it refuses when the live database
 * cannot be read, because then nobody can say which access was revoked since the backup.
 */
export async function restore(
  databasePath: string,
  source: string,
  opts: { force?: boolean; out?: (line: string) => void } = {},
): Promise<RowCounts> {
  const out = opts.out ?? (() => undefined);
  checkDatabaseFile(source);
  const record = { source: path.resolve(source), sourceSha256: sha256(source), force: opts.force === true };
  const user = os.userInfo().username;
  const temp = `${databasePath}.restore-${process.pid}.tmp`;
  let live: Db | null = null;
  try {
    live = openLive(databasePath);
  } catch (err) {
    const problem = `Die laufende Datenbank ${databasePath} ist nicht lesbar (${(err as Error).message}): ob seit der Sicherung Konten gesperrt oder Passwörter zurückgesetzt wurden, lässt sich nicht prüfen.`;
    if (!opts.force)
      throw new Error(
        `${problem} Wiederherstellung abgebrochen; mit --force trotzdem wiederherstellen und gesperrte Konten danach von Hand prüfen.`,
        { cause: err },
      );
    // Kept for whoever looks into the damage; SQLite cannot copy into a file that is no database.
    const aside = `${databasePath}.beschaedigt-${new Date().toISOString().replace(/[:.]/g, '')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(`${databasePath}${suffix}`)) fs.renameSync(`${databasePath}${suffix}`, `${aside}${suffix}`);
    }
    out(`${problem} --force: es wird trotzdem wiederhergestellt; die beschädigte Datei liegt jetzt unter ${aside}.`);
  }
  appendRestoreLog(databasePath, { event: 'restore-started', ...record, user });
  try {
    createPrivateFile(temp);
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(temp);
    } finally {
      src.close();
    }
    // Migrated to the current schema, then prepared: what replaces the live file is complete.
    const copy = openDatabase(temp);
    let expected: RowCounts;
    let plan: ReturnType<typeof planRestore>;
    try {
      plan = planRestore(live, copy);
      describePlan(plan).forEach((line) => out(line));
      applyRestorePlan(copy, plan, { ...record, user });
      expected = rowCounts(copy);
      copy.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.close();
      live?.close();
      live = null;
    }
    const prepared = new Database(temp, { readonly: true, fileMustExist: true });
    try {
      await prepared.backup(databasePath);
    } finally {
      prepared.close();
    }
    const db = openDatabase(databasePath);
    let actual: RowCounts;
    try {
      actual = rowCounts(db);
    } finally {
      db.close();
    }
    const differing = COUNTED.filter((table) => actual[table] !== expected[table]);
    if (differing.length > 0) throw new Error(`Zeilenzahlen weichen ab: ${differing.join(', ')}`);
    appendRestoreLog(databasePath, {
      event: 'restore-completed',
      ...record,
      user,
      counts: actual,
      disabledAgain: plan.disabledSince.map((a) => a.email),
      passwordKept: plan.passwordChangedSince.map((a) => a.email),
      accountsGone: plan.createdSince.map((a) => a.email),
      auditEntriesCarried: plan.auditToCarry.length,
    });
    return actual;
  } catch (err) {
    appendRestoreLog(databasePath, { event: 'restore-failed', ...record, user, error: (err as Error).message });
    throw err;
  } finally {
    live?.close();
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) fs.rmSync(f, { force: true });
  }
}
