import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { BUSY_TIMEOUT_MS, openDatabase } from '../src/db/database.ts';
import { hashSessionId } from '../src/repositories/sessions.ts';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp, errorOf } from './helper.ts';
import { allowLoggedErrors } from './loud-failures.ts';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import type { MeResponse } from '@zielmonitor/shared/schemas/auth';

let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false }); // reports enter the record at once (201)
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
});
afterAll(() => t.close());

const report = async () =>
  t.app.inject({
    method: 'POST',
    url: '/api/goals/v1-01/status',
    headers: { ...sameOrigin, cookie: admin.cookie },
    payload: {
      status: 'in_progress',
      effectiveDate: '2021-11-30',
      note: '',
      evidence: {},
      expectedRevision: (await t.app.inject({ url: '/api/goals/v1-01' })).json<GoalDetail>().revision,
    },
  });

describe('a database locked by another connection (backup, restore, the user CLI)', () => {
  it('waits at most a short busy timeout', () => {
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(250);
    expect(t.app.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
  });

  it('answers a write with 503 and Retry-After, not 500, and keeps answering reads', async () => {
    t.app.db
      .prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?')
      .run(new Date(Date.now() - 5 * 60_000).toISOString(), hashSessionId(admin.cookie.split('=')[1] ?? ''));
    const other = new Database(t.databasePath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const events = Number(other.prepare('SELECT count(*) FROM status_events').pluck().get());
      const refused = await report();
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(errorOf(refused)).toEqual({
        code: 'DATABASE_BUSY',
        message: 'Die Datenbank ist gerade belegt. Bitte in einer Sekunde erneut versuchen.',
      });
      expect(Number(other.prepare('SELECT count(*) FROM status_events').pluck().get())).toBe(events);
      // Reads go on, also a logged-in read whose session is due for its last-seen write.
      expect((await t.app.inject({ url: '/api/goals?version=1.0' })).statusCode).toBe(200);
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: admin.cookie } });
      expect(me.json<MeResponse>().user?.email).toBe('admin@nrw.de');
      expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await report()).statusCode).toBe(201);
  });
});

describe('a database the server cannot write', () => {
  it('refuses to start, saying which file and what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-readonly-'));
    const file = path.join(dir, 'zielmonitor.sqlite');
    openDatabase(file).close();
    // Root writes whatever the mode says: then the file belongs to nobody, and the server runs as
    // root without the capabilities that override file permissions or ownership (setpriv, from
    // util-linux). Switching to another user instead would need Node and the checkout readable
    // by it, which a CI checkout under a private directory is not.
    const asRoot = process.getuid?.() === 0;
    fs.chmodSync(file, asRoot ? 0o644 : 0o444);
    if (asRoot) fs.chownSync(file, 65534, 65534);
    const node = [process.execPath, '--import', 'tsx/esm', 'server/src/server.ts'];
    const [command = 'node', ...args] = asRoot
      ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner,-chown', '--', ...node]
      : node;
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: file, PORT: '0', LOG_LEVEL: 'warn' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toContain(
      `Zielmonitor startet nicht: Die Datenbank ${file} ist nicht beschreibbar (SQLITE_READONLY)`,
    );
    expect(output).toContain('ReadWritePaths');
  }, 60_000);

  it('reports "not ready" on /api/health once writing fails at run time, and ready again once it works', async () => {
    const wal = `${t.databasePath}-wal`;
    try {
      execFileSync('chattr', ['+i', wal], { stdio: 'ignore' });
    } catch {
      // Immutable files need root and a file system with attributes (ext4, xfs): a run-time write
      // failure cannot be produced here. The start-up refusal above covers the read-only case.
      allowLoggedErrors(/Übersprungen: chattr/);
      console.warn('Übersprungen: chattr +i geht hier nicht (kein root oder Dateisystem ohne Attribute).');
      return;
    }
    // The refused write and the failed health probe are logged at error level, as in production.
    allowLoggedErrors(/disk I\/O error/);
    try {
      const refused = await report();
      expect(refused.statusCode).toBe(503);
      expect(errorOf(refused).code).toBe('DATABASE_UNWRITABLE');
      const health = await t.app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(errorOf(health)).toEqual({
        code: 'NOT_READY',
        message: 'Nicht bereit: die Datenbank ist nicht beschreibbar.',
      });
    } finally {
      execFileSync('chattr', ['-i', wal]);
    }
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await t.app.inject({ url: '/api/health' })).statusCode;
    }
    expect(status).toBe(200);
  }, 30_000);
});
