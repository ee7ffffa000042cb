/**
 * Online backup and checked restore of the SQLite database (honours DATABASE_PATH).
 *   npm run backup -- <file>                     consistent copy while the server runs (SQLite backup API)
 *   npm run backup -- --into <dir> [--keep 14]   the same into <dir>/zielmonitor-<time>.sqlite, keeping the newest 14
 *   npm run restore -- <file> [--force]          checks the copy, re-applies revoked access, ends every session,
 *                                                carries the audit log over and records the restore
 * Backups are created 0600 in folders created 0700. Every restore is appended to
 * <database>.restore-log, a file beside the database that no restore replaces.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase, PRIVATE_DIR, PRIVATE_FILE, type Db } from '../server/src/db/database.ts';
import { applyRestorePlan, describePlan, planRestore } from '../server/src/services/restore.ts';

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

/** Creates `file` empty and owner-only, refusing one that exists (no backup is ever overwritten). */
function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: PRIVATE_DIR });
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${file} gibt es schon; bitte einen neuen Dateinamen wählen`);
    throw err;
  }
}

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
