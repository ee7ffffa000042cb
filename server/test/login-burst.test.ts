import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/services/limits.ts';
import { createTestApp, sameOrigin, type TestApp, errorOf } from './helper.ts';
import { hashPassword } from '../src/lib/passwords.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const PASSWORD = 'korrekt-pferd-batterie';

async function appWithAccount(options: Parameters<typeof createTestApp>[0]): Promise<TestApp> {
  const app = await createTestApp(options);
  app.app.repos.users.create(
    {
      email: 'ziel@mwide.nrw.de',
      name: 'Zora',
      role: 'controller',
      ressorts: ['MWIDE'],
      passwordHash: await hashPassword(PASSWORD),
    },
    new Date().toISOString(),
  );
  return app;
}

const attempt = (app: TestApp, email: string, password: string, remoteAddress = '203.0.113.1') =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: sameOrigin,
    payload: { email, password },
  });

const codes = (responses: { statusCode: number; json: () => { error?: { code: string } } }[]) =>
  responses.map((r) => (r.statusCode === 200 ? 'OK' : errorOf(r).code));
const count = (list: string[], value: string) => list.filter((v) => v === value).length;

describe('a burst of logins against one account', () => {
  it('evaluates at most the allowed number of guesses, however many arrive at once', async () => {
    // Hashing slots wide open, so that only the atomic check-and-count stands between the burst and the hash.
    t = await appWithAccount({ loginConcurrency: { total: 64, perKey: 64 } });
    const app = t;
    const guesses = Array.from({ length: 39 }, (_, i) => `falsch-geraten-${i}`);
    const answers = codes(
      await Promise.all(
        [...guesses, PASSWORD].map((password, i) => attempt(app, 'ziel@mwide.nrw.de', password, `198.51.100.${i}`)),
      ),
    );
    expect(count(answers, 'INVALID_CREDENTIALS') + count(answers, 'OK')).toBe(LIMITS.loginPerAccount.max);
    expect(count(answers, 'TOO_MANY_ATTEMPTS')).toBe(40 - LIMITS.loginPerAccount.max);
    // The right password, sent last, is not the lucky one among forty.
    expect(answers.at(-1)).toBe('TOO_MANY_ATTEMPTS');
    const evaluated = app.app.db
      .prepare("SELECT count(*) FROM login_attempts WHERE email = 'ziel@mwide.nrw.de'")
      .pluck()
      .get();
    expect(evaluated).toBe(LIMITS.loginPerAccount.max);
  }, 60_000);

  it('evaluates at most the allowed number per address, across many accounts', async () => {
    t = await appWithAccount({ loginConcurrency: { total: 64, perKey: 64 } });
    const app = t;
    // This address has failed 16 times already (counted as the limiter counts): 4 guesses are left.
    const left = 4;
    for (let i = 0; i < LIMITS.loginPerAddress.max - left; i++)
      app.app.repos.rateLimits.add('login-address', '203.0.113.66', new Date());
    const answers = codes(
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt(app, `konto-${i}@nrw.de`, 'falsch-falsch-falsch', '203.0.113.66')),
      ),
    );
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(left);
    expect(count(answers, 'TOO_MANY_ATTEMPTS')).toBe(30 - left);
  }, 60_000);
});

describe('concurrent password hashes', () => {
  it('run at most one per client: the rest are refused at once with Retry-After', async () => {
    t = await appWithAccount({});
    const app = t;
    const responses = await Promise.all(Array.from({ length: 6 }, () => attempt(app, 'ziel@mwide.nrw.de', PASSWORD)));
    const answers = codes(responses);
    expect(count(answers, 'OK')).toBe(1);
    expect(count(answers, 'LOGIN_BUSY')).toBe(5);
    const busy = responses.find((r) => r.statusCode === 429);
    expect(busy?.headers['retry-after']).toBe('1');
    // A refused attempt is no failed guess: the slot is free again and the account is not locked.
    expect((await attempt(app, 'ziel@mwide.nrw.de', PASSWORD)).statusCode).toBe(200);
  }, 60_000);

  it('run at most two in total, whoever sends them', async () => {
    t = await appWithAccount({});
    const app = t;
    const answers = codes(
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => attempt(app, 'ziel@mwide.nrw.de', PASSWORD, `192.0.2.${i + 1}`)),
      ),
    );
    expect(count(answers, 'OK')).toBe(2);
    expect(count(answers, 'LOGIN_BUSY')).toBe(4);
  }, 60_000);
});

describe('the limits survive a restart', () => {
  it('counts failures in the database, not in the process', async () => {
    t = await appWithAccount({});
    const app = t;
    for (let i = 0; i < LIMITS.loginPerAccount.max; i++)
      app.app.repos.rateLimits.add('login-account', 'ziel@mwide.nrw.de', new Date());
    const { buildApp } = await import('../src/app.ts');
    const restarted = await buildApp({ databasePath: app.databasePath, seedDir: null, clientDist: null });
    try {
      const res = await restarted.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: sameOrigin,
        payload: { email: 'ziel@mwide.nrw.de', password: PASSWORD },
      });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    } finally {
      await restarted.close();
    }
  });
});
