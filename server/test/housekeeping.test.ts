import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helper.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Rows that are spent (expired, idle, past retention) beside rows that still count. */
function insertRows(app: TestApp['app'], tag: string) {
  const user = app.repos.users.create(
    { email: `${tag}@nrw.de`, name: tag, role: 'admin', ressorts: [], passwordHash: 'scrypt$1$1$1$x$y' },
    new Date().toISOString(),
  );
  const session = app.db.prepare(
    'INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?)',
  );
  session.run(`${tag}-expired`, user, ago(13 * 60 * MINUTE), ago(MINUTE), ago(60 * MINUTE), '192.0.2.1');
  session.run(
    `${tag}-idle`,
    user,
    ago(2 * 60 * MINUTE),
    ago(45 * MINUTE),
    new Date(Date.now() + DAY).toISOString(),
    null,
  );
  session.run(`${tag}-live`, user, ago(MINUTE), ago(MINUTE), new Date(Date.now() + DAY).toISOString(), null);
  const attempt = app.db.prepare('INSERT INTO login_attempts (at, email, ip, succeeded) VALUES (?, ?, ?, 0)');
  attempt.run(ago(31 * DAY), `${tag}-old@nrw.de`, '192.0.2.1');
  attempt.run(ago(DAY), `${tag}-recent@nrw.de`, '192.0.2.1');
  app.db
    .prepare('INSERT INTO rate_limit_hits (bucket, key, at) VALUES (?, ?, ?)')
    .run('login-address', `${tag}-old`, ago(2 * DAY));
  app.db
    .prepare('INSERT INTO rate_limit_hits (bucket, key, at) VALUES (?, ?, ?)')
    .run('status-report', `${tag}-new`, ago(MINUTE));
}

const left = (app: TestApp['app'], tag: string) => ({
  sessions: app.db.prepare('SELECT id_hash FROM sessions WHERE id_hash LIKE ? ORDER BY 1').pluck().all(`${tag}-%`),
  attempts: app.db.prepare('SELECT email FROM login_attempts WHERE email LIKE ? ORDER BY 1').pluck().all(`${tag}-%`),
  hits: app.db.prepare('SELECT key FROM rate_limit_hits WHERE key LIKE ? ORDER BY 1').pluck().all(`${tag}-%`),
});

describe('housekeeping', () => {
  it('purges expired and idle sessions, login attempts past 30 days and spent limiter hits, on start and on a schedule', async () => {
    t = await createTestApp({ housekeepingIntervalMs: 50 });
    const app = t.app;
    insertRows(app, 'later');
    const deadline = Date.now() + 10_000;
    while (left(app, 'later').sessions.length > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(left(app, 'later')).toEqual({
      sessions: ['later-live'],
      attempts: ['later-recent@nrw.de'],
      hits: ['later-new'],
    });
  });

  it('runs once when the server is ready, before the first hour has passed', async () => {
    t = await createTestApp();
    const { buildApp } = await import('../src/app.ts');
    insertRows(t.app, 'start');
    const restarted = await buildApp({ databasePath: t.databasePath, seedDir: null, clientDist: null });
    await restarted.ready();
    try {
      expect(left(restarted, 'start')).toEqual({
        sessions: ['start-live'],
        attempts: ['start-recent@nrw.de'],
        hits: ['start-new'],
      });
    } finally {
      await restarted.close();
    }
  });
});
