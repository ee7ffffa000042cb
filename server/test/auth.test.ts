import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, MeResponse } from '@zielmonitor/shared/schemas/auth';
import {
  createAccount,
  createTestApp,
  errorOf,
  freshTotpCode,
  login,
  sameOrigin,
  type Account,
  type TestApp,
} from './helper.ts';

let t: TestApp;
let kim: Account;
beforeAll(async () => {
  t = await createTestApp();
  kim = await createAccount(t, {
    email: 'kontrolle@mwide.nrw.de',
    name: 'Kim Kontrolle',
    role: 'controller',
    ressorts: ['MWIDE'],
  });
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...sameOrigin, ...headers } });

describe('login', () => {
  it('asks for the second factor after the password, then sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await post('/api/auth/login', {
      email: 'KONTROLLE@mwide.nrw.de',
      password: 'korrekt-pferd-kontrolle@mwide.nrw.de',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, step: 'second-factor', methods: ['totp', 'recovery'] });
    const pending = res.cookies.find((c) => c.name === 'zm_session');
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Half-way through, the session opens nothing.
    const meBefore = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `zm_session=${pending?.value}` } });
    expect(meBefore.json()).toEqual({ user: null });
    const second = await post(
      '/api/auth/second-factor',
      { method: 'totp', code: await freshTotpCode(t, 'kontrolle@mwide.nrw.de', kim.totpSecret) },
      { cookie: `zm_session=${pending?.value}` },
    );
    expect(second.statusCode).toBe(200);
    const { user } = second.json<LoginResponse>();
    expect(user?.id).toBeTypeOf('number');
    expect(second.json()).toEqual({
      user: {
        id: user?.id,
        email: 'kontrolle@mwide.nrw.de',
        name: 'Kim Kontrolle',
        role: 'controller',
        ressorts: ['MWIDE'],
        organisation: null,
      },
      step: 'signed-in',
      methods: [],
    });
    const cookie = second.cookies.find((c) => c.name === 'zm_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).not.toBe(pending?.value);
    expect(cookie?.secure).toBeFalsy();
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `zm_session=${cookie?.value}` } });
    expect(me.json<MeResponse>().user?.email).toBe('kontrolle@mwide.nrw.de');
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('gives a fresh session id on every login', async () => {
    const first = await login(t, 'kontrolle@mwide.nrw.de', 'korrekt-pferd-kontrolle@mwide.nrw.de');
    const second = await login(t, 'kontrolle@mwide.nrw.de', 'korrekt-pferd-kontrolle@mwide.nrw.de');
    expect(second).not.toBe(first);
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await post('/api/auth/login', { email: 'kontrolle@mwide.nrw.de', password: 'falsch-falsch-falsch' });
    const unknown = await post('/api/auth/login', { email: 'niemand@nrw.de', password: 'falsch-falsch-falsch' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorOf(wrong).code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a body with unknown fields, naming them', async () => {
    const res = await post('/api/auth/login', { email: 'a@b.de', password: 'x', role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ location: 'body', field: 'role', message: 'unbekanntes Feld' }]);
  });

  it('rate-limits failed logins per account with 429 and Retry-After', async () => {
    await createAccount(t, { email: 'ziel@msb.nrw.de', name: 'Zora Ziel', role: 'controller', ressorts: ['MSB'] });
    for (let i = 0; i < 5; i++) {
      expect(
        (await post('/api/auth/login', { email: 'ziel@msb.nrw.de', password: `falsch-${i}-xxxxxxxx` })).statusCode,
      ).toBe(401);
    }
    const blocked = await post('/api/auth/login', {
      email: 'ziel@msb.nrw.de',
      password: 'korrekt-pferd-ziel@msb.nrw.de',
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(blocked).code).toBe('TOO_MANY_ATTEMPTS');
  }, 30_000);
});

describe('logout and expiry', () => {
  it('invalidates the session server-side', async () => {
    const cookie = await login(t, 'kontrolle@mwide.nrw.de', 'korrekt-pferd-kontrolle@mwide.nrw.de');
    expect((await post('/api/auth/logout', {}, { cookie })).statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ user: null });
    expect((await post('/api/auth/logout', {}, { cookie })).statusCode).toBe(401);
  });

  it('ends a session that was idle too long, and one past its absolute expiry', async () => {
    const idle = await login(t, 'kontrolle@mwide.nrw.de', 'korrekt-pferd-kontrolle@mwide.nrw.de');
    const absolute = await login(t, 'kontrolle@mwide.nrw.de', 'korrekt-pferd-kontrolle@mwide.nrw.de');
    const { hashSessionId } = await import('../src/repositories/sessions.ts');
    const hour = new Date(Date.now() - 60 * 60_000).toISOString();
    t.app.db
      .prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?')
      .run(hour, hashSessionId(idle.split('=')[1] ?? ''));
    t.app.db
      .prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?')
      .run(hour, hashSessionId(absolute.split('=')[1] ?? ''));
    for (const cookie of [idle, absolute]) {
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json()).toEqual({ user: null });
    }
  });
});
