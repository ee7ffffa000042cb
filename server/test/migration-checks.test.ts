import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';

/** A copy of the real migrations in a folder of its own, and a database file beside it. */
const dirs: string[] = [];
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-checks-'));
  dirs.push(dir);
  const migrations = path.join(dir, 'migrations');
  fs.cpSync(path.join(import.meta.dirname, '../migrations'), migrations, { recursive: true });
  return { migrations, file: path.join(dir, 'm.sqlite') };
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const start = (w: { migrations: string; file: string }) =>
  openDatabase(w.file, { migrationsDir: w.migrations }).close();

describe('migrations that cannot be trusted stop the start-up', () => {
  it('records a checksum for every applied migration and starts again unchanged', () => {
    const w = workspace();
    start(w);
    start(w);
    const db = new Database(w.file);
    const checksums = db.prepare('SELECT checksum FROM schema_migrations').pluck().all();
    db.close();
    expect(checksums.length).toBeGreaterThan(5);
    for (const checksum of checksums) expect(checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an applied migration that was edited afterwards, naming it', () => {
    const w = workspace();
    start(w);
    fs.appendFileSync(path.join(w.migrations, '002-accounts-audit.sql'), '\n-- nachträglich geändert\n');
    expect(() => start(w)).toThrow(/Migration 002-accounts-audit\.sql was changed after it was applied/);
  });

  it('takes a CRLF checkout of the same file as unchanged', () => {
    const w = workspace();
    start(w);
    const file = path.join(w.migrations, '001-initial.sql');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect(() => start(w)).not.toThrow();
  });

  it.each(['7-audit.sql', '007_audit.sql', '007-Audit.sql', 'seed.sql', 'README.md'])(
    'refuses a file named %s instead of skipping it',
    (name) => {
      const w = workspace();
      fs.writeFileSync(path.join(w.migrations, name), 'SELECT 1;');
      expect(() => start(w)).toThrow(new RegExp(`${name.replace('.', '\\.')} not named NNN-name\\.sql`));
      expect(fs.existsSync(w.file)).toBe(true);
    },
  );

  it('refuses two migrations with one number', () => {
    const w = workspace();
    fs.writeFileSync(path.join(w.migrations, '006-other.sql'), 'SELECT 1;');
    expect(() => start(w)).toThrow(/number used twice by 006-/);
  });

  it('refuses a database that applied a migration this folder no longer has', () => {
    const w = workspace();
    fs.writeFileSync(path.join(w.migrations, '099-later.sql'), 'CREATE TABLE later (id INTEGER) STRICT;');
    start(w);
    fs.rmSync(path.join(w.migrations, '099-later.sql'));
    expect(() => start(w)).toThrow(/Migration 099-later\.sql was applied to this database but is missing/);
  });

  it('adds checksums to a database from before they were recorded', () => {
    const w = workspace();
    const old = new Database(w.file);
    old.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    old.close();
    start(w);
    const db = new Database(w.file);
    expect(db.prepare('SELECT count(*) FROM schema_migrations WHERE checksum IS NULL').pluck().get()).toBe(0);
    db.close();
  });
});
