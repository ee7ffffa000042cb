import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup } from '../../scripts/backup.ts';
import { checkDatabaseFile } from '../../scripts/lib/database-files.ts';
import { restore } from '../../scripts/lib/restore.ts';
import { runCrashTest } from '../../scripts/crash-test.ts';
import { openDatabase } from '../src/db/database.ts';
import { seedIfEmpty } from '../src/seed/load-seed.ts';
import { seedDir } from './helper.ts';

describe('crash test', () => {
  it('loses and duplicates no acknowledged write when the server is killed with SIGKILL', async () => {
    const results = await runCrashTest(3);
    for (const round of results) {
      expect(round.acknowledged, `round ${round.round} wrote nothing before the kill`).toBeGreaterThan(0);
      expect(round.missing).toEqual([]);
      expect(round.duplicated).toBe(0);
      expect(round.integrity).toBe('ok');
    }
  }, 120_000);
});

describe('backup and restore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-backup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies a database that is open and restores it after checking integrity and row counts', async () => {
    const live = path.join(dir, 'live.sqlite');
    const db = openDatabase(live);
    seedIfEmpty(db, seedDir);
    const copy = path.join(dir, 'copy.sqlite');
    const counts = await backup(live, copy);
    expect(counts.goals).toBe(40);

    // Changes after the backup are undone by the restore, while the connection stays open.
    db.exec("DELETE FROM goal_sources WHERE goal_id = 'v1-01'");
    await restore(live, copy);
    expect(db.prepare("SELECT count(*) FROM goal_sources WHERE goal_id = 'v1-01'").pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  it('refuses to restore a damaged file and to overwrite an existing backup', async () => {
    const broken = path.join(dir, 'broken.sqlite');
    fs.writeFileSync(broken, 'not a database');
    await expect(restore(path.join(dir, 'live.sqlite'), broken)).rejects.toThrow();
    expect(() => checkDatabaseFile(path.join(dir, 'missing.sqlite'))).toThrow(/nicht gefunden/);
    await expect(backup(path.join(dir, 'live.sqlite'), path.join(dir, 'copy.sqlite'))).rejects.toThrow(/gibt es schon/);
    await expect(backup(path.join(dir, 'nowhere.sqlite'), path.join(dir, 'new', 'copy.sqlite'))).rejects.toThrow(
      /keine Datenbank/,
    );
  });
});
