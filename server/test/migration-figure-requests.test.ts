import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../src/db/database.ts';

const migrationsDir = path.join(import.meta.dirname, '../migrations');
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

/** A database as it stood before 021, with an open and an answered correction request. */
function dbBefore021(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-migrate-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, 'm.sqlite'));
  dbs.push(db);
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  for (const file of fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql') && f < '021')
    .sort()) {
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    if (sql.startsWith('-- foreign_keys: off')) db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, '2026-01-01T00:00:00Z');
    })();
    db.pragma('foreign_keys = ON');
  }
  db.exec(`INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('2.0', 'T', '2021-11-19', 1);
    INSERT INTO ressorts (code) VALUES ('AA');
    INSERT INTO goals (id, version_key, title, lead_ressort, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
    VALUES ('g0', '2.0', 'Z', 'AA', 'unknown', 'high', 'high', 'high', 'z');
    INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (1, 'c@aa.de', 'C', 'controller', 'x', '2026-01-01');
    INSERT INTO correction_requests (id, subject_kind, goal_id, description, email, created_at)
    VALUES (3, 'goal', 'g0', 'Falsches Datum', 'l@example.org', '2026-02-01T10:00:00Z');
    INSERT INTO correction_requests (id, subject_kind, goal_id, description, created_at, state, answer, answered_at, answered_by)
    VALUES (4, 'goal', 'g0', 'Falscher Status', '2026-02-01T11:00:00Z', 'declined', 'Stimmt laut Bericht', '2026-02-02T10:00:00Z', 1);
    INSERT INTO correction_request_ressorts VALUES (3, 'AA'), (4, 'AA');`);
  return db;
}
const rows = (db: Db) => db.prepare('SELECT * FROM correction_requests ORDER BY id').all();

describe('021: correction requests about a figure', () => {
  it('keeps every request with its id, its Ressorts and its rules', () => {
    const db = dbBefore021();
    const before = rows(db).map((r) => ({ ...(r as object), figure_id: null }));
    expect(migrate(db)).toContain('021-figure-requests.sql');
    expect(rows(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM correction_request_ressorts').pluck().get()).toBe(2);
    expect(() => db.prepare("UPDATE correction_requests SET answer = 'anders' WHERE id = 4").run()).toThrow(
      /never changes/,
    );
    expect(() => db.prepare('DELETE FROM correction_requests WHERE id = 3').run()).toThrow(/kept/);
    expect(() => db.prepare('UPDATE correction_requests SET email = NULL WHERE id = 3').run()).not.toThrow();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('takes a figure only with its record, and never a goal beside it', () => {
    const db = dbBefore021();
    migrate(db);
    const figure = Number(
      db
        .prepare(
          `INSERT INTO request_figures (measure, status, ressort_code, version_key, track, rule, as_of, known_at,
          value_seen, value_computed) VALUES ('status', 'achieved', 'AA', '2.0', 'official', 'all_goals', '2022-06-30',
          '2026-01-01T00:00:00.000Z', 3, 2)`,
        )
        .run().lastInsertRowid,
    );
    const insert =
      db.prepare(`INSERT INTO correction_requests (subject_kind, goal_id, figure_id, description, created_at)
      VALUES (?, ?, ?, 'Zahl falsch', '2026-03-01T10:00:00Z')`);
    expect(() => insert.run('figure', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('figure', 'g0', figure)).toThrow(/CHECK/);
    expect(() => insert.run('goal', 'g0', figure)).toThrow(/CHECK/);
    const id = Number(insert.run('figure', null, figure).lastInsertRowid);
    expect(() => db.prepare('UPDATE correction_requests SET figure_id = NULL WHERE id = ?').run(id)).toThrow(
      /never changes/,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO request_figures (measure, version_key, track, rule, as_of, known_at, value_seen,
        value_computed) VALUES ('status', '2.0', 'official', 'all_goals', '2022-06-30', 'x', 1, 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
