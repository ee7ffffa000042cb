import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, backupInto } from '../../scripts/backup.ts';
import { restore } from '../../scripts/lib/restore.ts';
import { openDatabase } from '../src/db/database.ts';
import { hashPassword } from '../src/lib/passwords.ts';
import { createAccount, createTestApp, login, sameOrigin, type Account, type TestApp } from './helper.ts';
import type { MeResponse } from '@zielmonitor/shared/schemas/auth';
import type { AuditResponse } from '@zielmonitor/shared/schemas/audit';

let t: TestApp;
let kim: Account; // disabled after the backup
let bob: Account; // password reset after the backup
let ada: Account; // admin, untouched
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-restore-'));
const copy = path.join(dir, 'sicherungen', 'vorher.sqlite');
const NEW_PASSWORD = 'neues-pferd-nach-der-sicherung';

const me = async (cookie: string) =>
  (await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json<MeResponse>().user;
const tryLogin = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { email, password } });

/** What `npm run user -- disable` and `reset-password` do, in the same transaction shape. */
async function revokeAfterBackup() {
  const { repos, db } = t.app;
  const kimId = repos.users.findByEmail(kim.email)?.id ?? -1;
  const bobId = repos.users.findByEmail(bob.email)?.id ?? -1;
  const hash = await hashPassword(NEW_PASSWORD);
  db.transaction(() => {
    repos.users.disable(kimId, new Date().toISOString());
    repos.sessions.removeForUser(kimId);
    repos.audit.append({
      actorId: null,
      actor: 'cli',
      action: 'user.disable',
      entityType: 'user',
      entityId: String(kimId),
      before: null,
      after: { disabledAt: 'now' },
      ip: null,
    });
    repos.users.setPasswordHash(bobId, hash);
    repos.sessions.removeForUser(bobId);
    repos.audit.append({
      actorId: null,
      actor: 'cli',
      action: 'user.reset-password',
      entityType: 'user',
      entityId: String(bobId),
      before: null,
      after: { passwordChanged: true },
      ip: null,
    });
  })();
}

beforeAll(async () => {
  t = await createTestApp();
  kim = await createAccount(t, { email: 'kim@mwide.nrw.de', name: 'Kim', role: 'controller', ressorts: ['MWIDE'] });
  bob = await createAccount(t, { email: 'bob@stk.nrw.de', name: 'Bob', role: 'controller', ressorts: ['StK'] });
  ada = await createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backups are private', () => {
  it('creates the backup 0600 in a folder it creates 0700', async () => {
    await backup(t.databasePath, copy);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(copy)).mode & 0o777).toBe(0o700);
  });

  it('keeps the newest backups in a folder and deletes only its own older ones', async () => {
    const folder = path.join(dir, 'nachts');
    fs.mkdirSync(folder, { mode: 0o700 });
    fs.writeFileSync(path.join(folder, 'notiz.txt'), 'bleibt');
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22'])
      await backupInto(t.databasePath, folder, 2, new Date(`${day}T02:30:00Z`));
    expect(fs.readdirSync(folder).sort()).toEqual([
      'notiz.txt',
      'zielmonitor-2026-11-21T023000Z.sqlite',
      'zielmonitor-2026-11-22T023000Z.sqlite',
    ]);
  });
});

describe('npm run restore is a security event', () => {
  const lines: string[] = [];
  let sessionsBefore: string[] = [];
  let liveStateWhenReported: string[] = [];

  beforeAll(async () => {
    await revokeAfterBackup();
    await createAccount(t, { email: 'neu@nrw.de', name: 'Nora Neu', role: 'controller', ressorts: ['MSB'] });
    sessionsBefore = [ada.cookie, await login(t, ada.email, ada.password), await login(t, bob.email, NEW_PASSWORD)];
    await restore(t.databasePath, copy, {
      out: (line) => {
        // The report comes while the live database is still as it was.
        if (lines.length === 0)
          liveStateWhenReported = t.app.db.prepare('SELECT email FROM users ORDER BY email').pluck().all() as string[];
        lines.push(line);
      },
    });
  }, 60_000);

  it('reports revoked access and vanishing accounts before it writes', () => {
    expect(lines).toEqual([
      'Seit der Sicherung gesperrt, bleibt gesperrt: kim@mwide.nrw.de',
      'Seit der Sicherung neues Passwort, das neue gilt weiter: bob@stk.nrw.de',
      'Seit der Sicherung angelegt, danach nicht mehr vorhanden: neu@nrw.de',
      'Protokoll seit der Sicherung, wird übernommen: 2 Einträge',
      'Alle Sitzungen werden beendet: jede Person meldet sich neu an.',
    ]);
    expect(liveStateWhenReported).toContain('neu@nrw.de');
  });

  it('ends every session, also those older than the backup', async () => {
    for (const cookie of [...sessionsBefore, kim.cookie, bob.cookie]) expect(await me(cookie)).toBeNull();
    expect(t.app.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('keeps a disabled account disabled and a reset password reset', async () => {
    expect((await tryLogin(kim.email, kim.password)).statusCode).toBe(401);
    expect((await tryLogin(bob.email, bob.password)).statusCode).toBe(401);
    expect((await tryLogin(bob.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await tryLogin(ada.email, ada.password)).statusCode).toBe(200);
    expect((await tryLogin('neu@nrw.de', 'korrekt-pferd-neu@nrw.de')).statusCode).toBe(401);
  }, 60_000);

  it('keeps the audit entries made since the backup and records the restore', async () => {
    const cookie = await login(t, ada.email, ada.password);
    const audit = (await t.app.inject({ url: '/api/audit?limit=10', headers: { cookie } })).json<AuditResponse>().items;
    // The refused logins of the test before are recorded too; the restore's entries come before them.
    const changes = audit.filter((e) => !e.action.startsWith('login.'));
    expect(changes.slice(0, 3).map((e) => e.action)).toEqual([
      'database.restore',
      'user.reset-password',
      'user.disable',
    ]);
    expect(changes[0]?.actionLabel).toBe('Datenbank aus einer Sicherung wiederhergestellt');
    expect(changes[0]?.changes).toEqual([
      { label: 'Sicherung', before: null, after: copy },
      { label: 'Wieder gesperrt', before: null, after: 'kim@mwide.nrw.de' },
      { label: 'Neues Passwort behalten', before: null, after: 'bob@stk.nrw.de' },
      { label: 'Konten nicht mehr vorhanden', before: null, after: 'neu@nrw.de' },
      { label: 'Übernommene Protokolleinträge', before: null, after: '2' },
      { label: 'Sitzungen', before: null, after: 'alle beendet' },
    ]);
  }, 60_000);

  it('appends to a log beside the database that a later restore does not replace', async () => {
    const log = `${t.databasePath}.restore-log`;
    const first = fs.readFileSync(log, 'utf8');
    expect(
      first
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event?: string }).event),
    ).toEqual(['restore-started', 'restore-completed']);
    expect(fs.statSync(log).mode & 0o777).toBe(0o600);
    await restore(t.databasePath, copy);
    const second = fs.readFileSync(log, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.trim().split('\n')).toHaveLength(4);
    // The restore restored the backup again: the log is not part of it, so nothing was lost.
    expect(JSON.parse(second.trim().split('\n')[3] ?? '{}')).toMatchObject({
      event: 'restore-completed',
      source: copy,
    });
  }, 60_000);
});

describe('a live database that cannot be read', () => {
  it('makes the restore refuse without --force, naming the reason, and go ahead with it', async () => {
    const live = path.join(dir, 'kaputt.sqlite');
    fs.writeFileSync(live, 'x'.repeat(8192));
    await expect(restore(live, copy)).rejects.toThrow(/nicht lesbar.*mit --force trotzdem wiederherstellen/s);
    expect(fs.readFileSync(live, 'utf8')).toBe('x'.repeat(8192));
    const lines: string[] = [];
    await restore(live, copy, { force: true, out: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/--force: es wird trotzdem wiederhergestellt/);
    const db = openDatabase(live);
    expect(db.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('database.restore');
    db.close();
  }, 60_000);
});
