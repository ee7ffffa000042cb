import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { STATUSES } from '@zielmonitor/shared/schemas/common';
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
function cleanUp() {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
}
afterEach(cleanUp);

describe('openDatabase', () => {
  it('uses WAL with synchronous=FULL and enforces foreign keys', () => {
    const db = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies every migration once and records it', () => {
    const db = freshDb();
    const files = fs
      .readdirSync(path.join(import.meta.dirname, '../migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort();
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
    const insert =
      db.prepare(`INSERT INTO status_events (goal_id, status, progress, effective_date, recorded_at, reporter, track)
      VALUES ('v1-01', ?, ?, '2021-01-01', '2021-01-01T00:00:00Z', 'x', 'official')`);
    expect(() => insert.run('done', null)).toThrow(/CHECK/);
    expect(() => insert.run('achieved', 101)).toThrow(/CHECK/);
  });
});

describe('status_month_ends', () => {
  const migrationsDir = path.join(import.meta.dirname, '../migrations');
  /** A database as it stood before 006: the earlier migrations applied and recorded as migrate() does. */
  function dbBefore006(): Db {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-migrate-'));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'm.sqlite'));
    dbs.push(db);
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    for (const file of fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql') && f < '006')
      .sort()) {
      db.transaction(() => {
        db.exec(fs.readFileSync(path.join(migrationsDir, file), 'utf8'));
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, '2026-01-01T00:00:00Z');
      })();
    }
    return db;
  }

  type Op =
    | { kind: 'event'; goal: number; track: 'official' | 'independent'; status: string; effective: string }
    | { kind: 'move'; goal: number; ressort: string | null };
  function write(db: Db, ops: Op[]) {
    db.exec(`INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'T', '2021-01-01', 4);
      INSERT INTO ressorts (code) VALUES ('AA'), ('BB');
      INSERT INTO goals (id, version_key, title, lead_ressort, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
      VALUES ('g0', '1.0', 'Z', 'AA', 'unknown', 'high', 'high', 'high', 'z'), ('g1', '1.0', 'Z', NULL, 'unknown', 'high', 'high', 'high', 'z'),
             ('g2', '1.0', 'Z', 'BB', 'unknown', 'high', 'high', 'high', 'z'), ('g3', '1.0', 'Z', 'AA', 'unknown', 'high', 'high', 'high', 'z');`);
    const event = db.prepare(
      `INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track) VALUES (?, ?, ?, '2026-01-01T00:00:00Z', 'T', ?)`,
    );
    const move = db.prepare('UPDATE goals SET lead_ressort = ? WHERE id = ?');
    db.transaction(() =>
      ops.forEach((op) =>
        op.kind === 'event'
          ? event.run(`g${op.goal}`, op.status, op.effective, op.track)
          : move.run(op.ressort, `g${op.goal}`),
      ),
    )();
  }
  const contents = (db: Db) => db.prepare('SELECT * FROM status_month_ends ORDER BY goal_id, track, month').all();

  /** What the table must hold, computed here from the events alone: the last event of each month, by date then id. */
  function expected(ops: Op[], db: Db) {
    const goals = new Map(
      (
        db.prepare('SELECT id, version_key, lead_ressort FROM goals').all() as {
          id: string;
          version_key: string;
          lead_ressort: string | null;
        }[]
      ).map((g) => [g.id, g]),
    );
    const last = new Map<
      string,
      { goal_id: string; track: string; month: string; effective_date: string; event_id: number; status: string }
    >();
    let id = 0;
    for (const op of ops) {
      if (op.kind !== 'event') continue;
      id += 1;
      const row = {
        goal_id: `g${op.goal}`,
        track: op.track,
        month: op.effective.slice(0, 7),
        effective_date: op.effective,
        event_id: id,
        status: op.status,
      };
      const key = `${row.goal_id} ${row.track} ${row.month}`;
      const before = last.get(key);
      if (!before || before.effective_date <= row.effective_date) last.set(key, row);
    }
    const rows = [...last.values()].sort((a, b) =>
      `${a.goal_id} ${a.track} ${a.month}`.localeCompare(`${b.goal_id} ${b.track} ${b.month}`),
    );
    return rows.map((row, i) => {
      const prior = rows[i - 1];
      const previous = prior && prior.goal_id === row.goal_id && prior.track === row.track ? prior.status : 'unknown';
      const goal = goals.get(row.goal_id);
      return { ...row, previous_status: previous, version_key: goal?.version_key, lead_ressort: goal?.lead_ressort };
    });
  }

  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record({
        kind: fc.constant('event' as const),
        goal: fc.integer({ min: 0, max: 3 }),
        track: fc.constantFrom('official' as const, 'independent' as const),
        status: fc.constantFrom(...STATUSES),
        // Month ends often: same-day ties on a month's last day decide its row by id.
        effective: fc.oneof(
          fc
            .integer({ min: 0, max: 200 })
            .map((n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
          fc.constantFrom('2021-01-31', '2021-02-28', '2021-03-01'),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('move' as const),
        goal: fc.integer({ min: 0, max: 3 }),
        ressort: fc.constantFrom('AA', 'BB', null),
      }),
    },
  );

  it('is backfilled by the migration exactly as the insert trigger maintains it, and as the events say', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        try {
          const backfilled = dbBefore006();
          write(backfilled, ops);
          expect(migrate(backfilled)[0]).toBe('006-status-month-ends.sql');
          const triggered = freshDb();
          write(triggered, ops);
          const rows = contents(triggered);
          expect(contents(backfilled)).toEqual(rows);
          expect(rows).toEqual(expected(ops, triggered));
        } finally {
          cleanUp();
        }
      }),
      { numRuns: 30 },
    );
    // 60 databases, each migrated from scratch: seconds, more on a loaded machine.
  }, 30_000);
});

describe('018: submissions about readings', () => {
  const migrationsDir = path.join(import.meta.dirname, '../migrations');
  /** A database as it stood before 018, with a pending and a returned status submission. */
  function dbBefore018(): Db {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-migrate-'));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'm.sqlite'));
    dbs.push(db);
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    for (const file of fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql') && f < '018')
      .sort()) {
      const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
      if (sql.startsWith('-- foreign_keys: off')) db.pragma('foreign_keys = OFF');
      db.transaction(() => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, '2026-01-01T00:00:00Z');
      })();
      db.pragma('foreign_keys = ON');
    }
    db.exec(`INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'T', '2021-01-01', 1);
      INSERT INTO ressorts (code) VALUES ('AA');
      INSERT INTO goals (id, version_key, title, lead_ressort, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
      VALUES ('g0', '1.0', 'Z', 'AA', 'unknown', 'high', 'high', 'high', 'z');
      INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES
        (1, 'c@aa.de', 'C', 'controller', 'x', '2026-01-01'), (2, 'r@aa.de', 'R', 'reviewer', 'x', '2026-01-01');
      INSERT INTO indicators (id, name, measure, unit, direction, created_at, updated_at)
      VALUES ('i0', 'I', 'M', 'percent', 'higher_is_better', '2026-01-01', '2026-01-01');
      INSERT INTO submissions (id, goal_id, kind, payload_json, reporter, submitted_by, submitted_at)
      VALUES (7, 'g0', 'report', '{"status":"planned"}', 'C (AA)', 1, '2026-02-01T10:00:00Z');
      INSERT INTO submissions (id, goal_id, kind, payload_json, reporter, submitted_by, submitted_at, state, decided_by,
        decided_at, decision_reason)
      VALUES (9, 'g0', 'report', '{"status":"achieved"}', 'C (AA)', 1, '2026-02-02T10:00:00Z', 'returned', 2,
        '2026-02-03T10:00:00Z', 'Beleg fehlt');`);
    return db;
  }
  const rows = (db: Db) =>
    db.prepare('SELECT id, goal_id, kind, payload_json, state, decided_by, decision_reason FROM submissions').all();

  it('keeps every status submission with its id, and its rules', () => {
    const db = dbBefore018();
    const before = rows(db);
    expect(migrate(db)).toContain('018-reading-submissions.sql');
    expect(rows(db)).toEqual(before);
    expect(() => db.prepare("UPDATE submissions SET state = 'released' WHERE id = 9").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM submissions WHERE id = 7').run()).toThrow(/kept/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('takes a reading submission about exactly one indicator, and keeps what was submitted', () => {
    const db = dbBefore018();
    migrate(db);
    const insert = db.prepare(`INSERT INTO submissions (goal_id, indicator_id, kind, target_reading_id, payload_json,
      reporter, submitted_by, submitted_at) VALUES (?, ?, 'report', NULL, '{}', 'C (AA)', 1, '2026-03-01T10:00:00Z')`);
    const id = Number(insert.run(null, 'i0').lastInsertRowid);
    expect(() => insert.run('g0', 'i0')).toThrow(/CHECK/);
    expect(() => insert.run(null, null)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE submissions SET payload_json = \'{"x":1}\' WHERE id = ?').run(id)).toThrow(
      /never changes/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO submissions (goal_id, kind, target_reading_id, payload_json, reporter, submitted_by, submitted_at) VALUES ('g0', 'report', NULL, '{}', 'C', 1, 'x')",
        )
        .run(),
    ).not.toThrow();
  });
});
