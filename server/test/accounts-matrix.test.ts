/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   The answers are read as untyped JSON in these assertions; typing each one (res.json<T>()) is still to do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/** Who may call which account route: the public, a login half-way, each role. Bad input changes nothing. */
let t: TestApp;
let controller: Account;
let reviewer: Account;
let admin: Account;
let pending: string;

beforeAll(async () => {
  t = await createTestApp();
  [controller, reviewer, admin] = await Promise.all([
    createAccount(t, { email: 'kim@mkw.nrw.de', name: 'Kim', role: 'controller', ressorts: ['MKW'] }),
    createAccount(t, { email: 'rita@mkw.nrw.de', name: 'Rita', role: 'reviewer', ressorts: ['MKW'] }),
    createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }),
  ]);
  const half = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: sameOrigin,
    payload: { email: controller.email, password: controller.password },
  });
  pending = `zm_session=${half.cookies.find((c) => c.name === 'zm_session')?.value}`;
});
afterAll(() => t.close());

let targets = 0;
/** A fresh account to act on: active (with a password) or invited (without). */
function target(state: 'active' | 'invited'): number {
  targets += 1;
  return t.app.repos.users.create(
    {
      email: `ziel-${targets}@mkw.nrw.de`,
      name: `Ziel ${targets}`,
      role: 'controller',
      ressorts: ['MKW'],
      passwordHash: state === 'active' ? 'scrypt$17$8$1$c2FsdA$aGFzaA' : null,
    },
    new Date().toISOString(),
  );
}

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
const ADMIN_ROUTES: Record<string, () => Call> = {
  'list accounts': () => ({ method: 'GET', url: '/api/users' }),
  invite: () => ({
    method: 'POST',
    url: '/api/users',
    payload: { email: `neu-${++targets}@mkw.nrw.de`, name: 'Neu', role: 'controller', ressorts: ['MKW'] },
  }),
  'change role and scope': () => ({
    method: 'PATCH',
    url: `/api/users/${target('active')}`,
    payload: { role: 'reviewer', ressorts: ['MKW'] },
  }),
  disable: () => ({ method: 'POST', url: `/api/users/${target('active')}/disable` }),
  enable: () => ({ method: 'POST', url: `/api/users/${target('active')}/enable` }),
  'end sessions': () => ({ method: 'POST', url: `/api/users/${target('active')}/end-sessions` }),
  'reset second factor': () => ({ method: 'POST', url: `/api/users/${target('active')}/reset-second-factor` }),
  'invitation again': () => ({ method: 'POST', url: `/api/users/${target('invited')}/invitation` }),
  'password reset link': () => ({ method: 'POST', url: `/api/users/${target('active')}/password-reset` }),
};
const OWN_ROUTES: Record<string, () => Call> = {
  'my account': () => ({ method: 'GET', url: '/api/account' }),
  'my sessions': () => ({ method: 'GET', url: '/api/account/sessions' }),
  'end my other sessions': () => ({ method: 'POST', url: '/api/account/sessions/end-others' }),
};

const send = (call: Call, cookie: string | null, headers: Record<string, string> = sameOrigin) =>
  t.app.inject({
    method: call.method,
    url: call.url,
    headers: { ...headers, ...(cookie && { cookie }) },
    ...(call.method !== 'GET' && { payload: call.payload ?? {} }),
  });

describe('authorization matrix of the account routes', () => {
  const actors = () => ({
    anonymous: null,
    'half-way login': pending,
    controller: controller.cookie,
    reviewer: reviewer.cookie,
    admin: admin.cookie,
  });
  const admins = { anonymous: 401, 'half-way login': 401, controller: 403, reviewer: 403, admin: 'ok' };
  const everyone = { anonymous: 401, 'half-way login': 401, controller: 'ok', reviewer: 'ok', admin: 'ok' };
  const cases = [
    ...Object.keys(ADMIN_ROUTES).map((route) => [route, admins] as const),
    ...Object.keys(OWN_ROUTES).map((route) => [route, everyone] as const),
  ];
  it.each(cases)('%s', async (route, expected) => {
    const make = ADMIN_ROUTES[route] ?? OWN_ROUTES[route];
    if (!make) throw new Error(route);
    const got: Record<string, number | 'ok'> = {};
    for (const [actor, cookie] of Object.entries(actors())) {
      const res = await send(make(), cookie);
      got[actor] = res.statusCode >= 200 && res.statusCode < 300 ? 'ok' : res.statusCode;
      if (res.statusCode >= 400) expect(res.json().error).toMatchObject({ code: expect.any(String) });
    }
    expect(got).toEqual(expected);
  });

  it('the second step answers only a login half-way', async () => {
    const body = { method: 'totp', code: '000000' };
    const call: Call = { method: 'POST', url: '/api/auth/second-factor', payload: body };
    expect((await send(call, null)).statusCode).toBe(401);
    expect((await send(call, admin.cookie)).statusCode).toBe(401);
    // "End my other sessions" above ended the controller's half-way login too: a fresh one.
    const half = await send(
      { method: 'POST', url: '/api/auth/login', payload: { email: reviewer.email, password: reviewer.password } },
      null,
    );
    const cookie = `zm_session=${half.cookies.find((c) => c.name === 'zm_session')?.value}`;
    expect((await send(call, cookie)).json().error.code).toBe('INVALID_CODE');
  });
});

describe('bad input to the account routes', () => {
  const count = () => t.app.db.prepare('SELECT count(*) FROM users').pluck().get();
  const audits = () => t.app.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
  it.each([
    ['a malformed address', { email: 'keine-adresse', name: 'X', role: 'controller', ressorts: ['MKW'] }, 'email'],
    ['an unknown role', { email: 'x@mkw.nrw.de', name: 'X', role: 'superadmin', ressorts: [] }, 'role'],
    [
      'a controller without Ressort',
      { email: 'x@mkw.nrw.de', name: 'X', role: 'controller', ressorts: [] },
      'ressorts',
    ],
    ['an unknown Ressort', { email: 'x@mkw.nrw.de', name: 'X', role: 'controller', ressorts: ['MXYZ'] }, 'ressorts'],
    ['an address taken', { email: 'kim@mkw.nrw.de', name: 'X', role: 'controller', ressorts: ['MKW'] }, 'email'],
    [
      'a name with a control character',
      { email: 'x@mkw.nrw.de', name: 'X\u0007', role: 'admin', ressorts: [] },
      'name',
    ],
  ])('invitation with %s: 4xx naming the field, nothing written', async (_case, payload, field) => {
    const [users, entries] = [count(), audits()];
    const res = await send({ method: 'POST', url: '/api/users', payload }, admin.cookie);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect([count(), audits()]).toEqual([users, entries]);
  });

  it('an unknown field is refused by name (no mass assignment)', async () => {
    const id = target('active');
    const res = await send({ method: 'PATCH', url: `/api/users/${id}`, payload: { disabledAt: null } }, admin.cookie);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('disabledAt');
  });

  it('a cross-site request is refused before anything is written', async () => {
    const users = count();
    const res = await send(
      { method: 'POST', url: '/api/users', payload: { email: 'x@mkw.nrw.de', name: 'X', role: 'admin', ressorts: [] } },
      admin.cookie,
      { origin: 'https://boese.example' },
    );
    expect(res.statusCode).toBe(403);
    expect(count()).toBe(users);
  });

  it('a link token of the wrong shape is 400 naming the token', async () => {
    const res = await send({ method: 'POST', url: '/api/auth/password-link', payload: { token: 'kurz' } }, null);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toBe('token');
  });
});
