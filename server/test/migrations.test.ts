import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../src/db/database.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-migrate-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'm.sqlite'));
  dbs.push(db);
  return db;
}
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

describe('openDatabase', () => {
  it('uses WAL with synchronous=FULL and enforces foreign keys', () => {
    const db = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies every migration once and records it', () => {
    const db = freshDb();
    const files = fs.readdirSync(path.join(import.meta.dirname, '../migrations')).filter((f) => f.endsWith('.sql')).sort();
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(files);
    expect(migrate(db)).toEqual([]);
  });
});

describe('status_events', () => {
  it('is append-only: updates and deletes are refused by the database itself', () => {
    const db = freshDb();
    db.exec(`INSERT INTO sources (id, title) VALUES ('S1', 'Quelle');
      INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'T', '2019-04-10', 1);
      INSERT INTO goals (id, version_key, title, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
        VALUES ('v1-01', '1.0', 'Ziel', 'unknown', 'high', 'unknown', 'unknown', 'ziel');
      INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track, source_id)
        VALUES ('v1-01', 'achieved', '2021-11-19', '2021-11-19T00:00:00Z', 'Landesregierung', 'official', 'S1');`);
    expect(() => db.exec("UPDATE status_events SET status = 'missed'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM status_events')).toThrow(/append-only/);
    expect(db.prepare('SELECT status FROM status_events').pluck().all()).toEqual(['achieved']);
  });

  it('refuses values outside the vocabulary and progress outside 0–100', () => {
    const db = freshDb();
    db.exec(`INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'T', '2019-04-10', 1);
      INSERT INTO goals (id, version_key, title, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
        VALUES ('v1-01', '1.0', 'Ziel', 'unknown', 'high', 'unknown', 'unknown', 'ziel');`);
    const insert = db.prepare(`INSERT INTO status_events (goal_id, status, progress, effective_date, recorded_at, reporter, track)
      VALUES ('v1-01', ?, ?, '2021-01-01', '2021-01-01T00:00:00Z', 'x', 'official')`);
    expect(() => insert.run('done', null)).toThrow(/CHECK/);
    expect(() => insert.run('achieved', 101)).toThrow(/CHECK/);
  });
});
