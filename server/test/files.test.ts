import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, probeWrite } from '../src/db/database.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('database files are private to the service account', () => {
  it('creates the database, its -wal and -shm 0600 in a folder it creates 0700', () => {
    const file = path.join(dir, 'neu', 'zielmonitor.sqlite');
    const db = openDatabase(file);
    probeWrite(db);
    try {
      expect(mode(path.dirname(file))).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('takes group and world access away from a database an older version created 0644', () => {
    const file = path.join(dir, 'alt.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x)');
    // Kept open, so that -wal and -shm exist as an old server left them.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    const db = openDatabase(file);
    try {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    } finally {
      db.close();
      old.close();
    }
  });
});
