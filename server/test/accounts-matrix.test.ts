import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../src/lib/passwords.ts';
import {
  createAccount,
  createTestApp,
  errorOf,
  issueFields,
  sameOrigin,
  type Account,
  type TestApp,
} from './helper.ts';

/**
 * Who may call which account route: the public, a login half-way (at the second step, or at the
 * set-up of a first factor), each role. Bad input changes nothing.
 */
let t: TestApp;
let controller: Account;
let reviewer: Account;
let assessor: Account;
let admin: Account;
/** Accounts only ever logged in half-way: one with a factor (second step), one without (set-up). */
let halfWay: Account;
const ENROLLING = { email: 'erst@mkw.nrw.de', password: 'ein langes Passwort für die Einrichtung' };

beforeAll(async () => {
  t = await createTestApp();
  [controller, reviewer, assessor, admin, halfWay] = await Promise.all([
    createAccount(t, { email: 'kim@mkw.nrw.de', name: 'Kim', role: 'controller', ressorts: ['MKW'] }),
    createAccount(t, { email: 'rita@mkw.nrw.de', name: 'Rita', role: 'reviewer', ressorts: ['MKW'] }),
    createAccount(t, {
      email: 'pia@presse.example',
      name: 'Pia',
      role: 'assessor',
      ressorts: [],
      organisation: 'Landespressekonferenz',
    }),
    createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }),
    createAccount(t, { email: 'hanna@mkw.nrw.de', name: 'Hanna', role: 'controller', ressorts: ['MKW'] }),
  ]);
  t.app.repos.users.create(
    {
      ...ENROLLING,
      name: 'Erst',
      role: 'controller',
      ressorts: ['MKW'],
      passwordHash: await hashPassword(ENROLLING.password),
    },
    new Date().toISOString(),
  );
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
/** The administration's routes: each answers an admin with 2xx. */
const ADMIN_ROUTES: Record<string, () => Call> = {
  'list accounts': () => ({ method: 'GET', url: '/api/users' }),
  invite: () => ({
    method: 'POST',
    url: '/api/users',
    payload: { email: `neu-${++targets}@mkw.nrw.de`, name: 'Neu', role: 'controller', ressorts: ['MKW'] },
  }),
  'invite an assessor': () => ({
    method: 'POST',
    url: '/api/users',
    payload: { email: `neu-${++targets}@presse.example`, name: 'Neu', role: 'assessor', organisation: 'WDR' },
  }),
  'change role and scope': () => ({
    method: 'PATCH',
    url: `/api/users/${target('active')}`,
    payload: { role: 'reviewer', ressorts: ['MKW'] },
  }),
  'make an assessor': () => ({
    method: 'PATCH',
    url: `/api/users/${target('active')}`,
    payload: { role: 'assessor', ressorts: [], organisation: 'Grüne im Landtag NRW' },
  }),
  disable: () => ({ method: 'POST', url: `/api/users/${target('active')}/disable` }),
  enable: () => ({ method: 'POST', url: `/api/users/${target('active')}/enable` }),
  'end sessions': () => ({ method: 'POST', url: `/api/users/${target('active')}/end-sessions` }),
  'reset second factor': () => ({ method: 'POST', url: `/api/users/${target('active')}/reset-second-factor` }),
  'invitation again': () => ({ method: 'POST', url: `/api/users/${target('invited')}/invitation` }),
  'password reset link': () => ({ method: 'POST', url: `/api/users/${target('active')}/password-reset` }),
};
/**
 * What a signed-in person does for themselves. Calls that need a password or a code are sent
 * without one: past the gate they answer 400 (the field), and nothing changes.
 */
const OWN_ROUTES: Record<string, [() => Call, 'ok' | number]> = {
  'my account': [() => ({ method: 'GET', url: '/api/account' }), 'ok'],
  'my sessions': [() => ({ method: 'GET', url: '/api/account/sessions' }), 'ok'],
  'change my password': [() => ({ method: 'POST', url: '/api/account/password' }), 400],
  'remove a factor': [() => ({ method: 'POST', url: '/api/account/factors/1/remove' }), 400],
  'new recovery codes': [() => ({ method: 'POST', url: '/api/account/recovery-codes' }), 400],
  'end one session': [() => ({ method: 'POST', url: `/api/account/sessions/${'x'.repeat(43)}/end` }), 404],
  'end my other sessions': [() => ({ method: 'POST', url: '/api/account/sessions/end-others' }), 'ok'],
};
/** Setting up a factor: signed in (with the password again) or at the set-up of a first login. */
const ENROL_ROUTES: Record<string, [() => Call, 'ok' | number, 'ok' | number]> = {
  'set up an authenticator app': [() => ({ method: 'POST', url: '/api/account/totp' }), 400, 'ok'],
  'confirm the app': [() => ({ method: 'POST', url: '/api/account/totp/confirm' }), 400, 400],
  'passkey options': [() => ({ method: 'POST', url: '/api/account/passkeys/options' }), 400, 'ok'],
  'register a passkey': [() => ({ method: 'POST', url: '/api/account/passkeys' }), 400, 400],
};
/** The second step of a login: only a login half-way at that step. */
const SECOND_STEP_ROUTES: Record<string, [() => Call, 'ok' | number]> = {
  'the second step': [
    () => ({ method: 'POST', url: '/api/auth/second-factor', payload: { method: 'totp', code: '000000' } }),
    401,
  ],
  // Past the gate: this account has an authenticator app but no passkey.
  'passkey challenge': [() => ({ method: 'POST', url: '/api/auth/passkey/options' }), 409],
  'passkey answer': [() => ({ method: 'POST', url: '/api/auth/passkey' }), 400],
};
/** The links and "Passwort vergessen": for anybody, signed in or not, with the same answer. */
const LINK_ROUTES: Record<string, [() => Call, 'ok' | number]> = {
  'open a link': [() => ({ method: 'POST', url: '/api/auth/password-link', payload: { token: 'y'.repeat(43) } }), 410],
  'set a password by link': [
    () => ({
      method: 'POST',
      url: '/api/auth/password-link/password',
      payload: { token: 'y'.repeat(43), password: 'x' },
    }),
    410,
  ],
  'forgot my password': [
    () => ({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'niemand@nrw.de' } }),
    // This installation has no mail: everybody is told so (with mail: 202 for every address, accounts.test.ts).
    409,
  ],
};

const send = (call: Call, cookie: string | null, headers: Record<string, string> = sameOrigin) =>
  t.app.inject({
    method: call.method,
    url: call.url,
    headers: { ...headers, ...(cookie && { cookie }) },
    ...(call.method !== 'GET' && { payload: call.payload ?? {} }),
  });
const cookieOf = (res: LightMyRequestResponse) =>
  `zm_session=${res.cookies.find((c) => c.name === 'zm_session')?.value ?? ''}`;
/** A fresh login that stops after the password (each case gets its own: some routes end sessions). */
const passwordOnly = async (email: string, password: string) =>
  cookieOf(await send({ method: 'POST', url: '/api/auth/login', payload: { email, password } }, null));

type Expected = Record<string, 'ok' | number>;
const who = ['anonymous', 'second step', 'set-up', 'controller', 'reviewer', 'assessor', 'admin'] as const;
const all = (answer: 'ok' | number): Expected => Object.fromEntries(who.map((w) => [w, answer]));

describe('authorization matrix of the account routes', () => {
  const actors = async (): Promise<Record<(typeof who)[number], string | null>> => ({
    anonymous: null,
    'second step': await passwordOnly(halfWay.email, halfWay.password),
    'set-up': await passwordOnly(ENROLLING.email, ENROLLING.password),
    controller: controller.cookie,
    reviewer: reviewer.cookie,
    assessor: assessor.cookie,
    admin: admin.cookie,
  });
  const signedIn = (answer: 'ok' | number) => ({
    controller: answer,
    reviewer: answer,
    assessor: answer,
    admin: answer,
  });
  const cases: [string, () => Call, Expected][] = [
    ...Object.entries(ADMIN_ROUTES).map(([route, make]): [string, () => Call, Expected] => [
      route,
      make,
      { ...all(401), controller: 403, reviewer: 403, assessor: 403, admin: 'ok' },
    ]),
    ...Object.entries(OWN_ROUTES).map(([route, [make, answer]]): [string, () => Call, Expected] => [
      route,
      make,
      { ...all(401), ...signedIn(answer) },
    ]),
    ...Object.entries(ENROL_ROUTES).map(([route, [make, answer, atSetUp]]): [string, () => Call, Expected] => [
      route,
      make,
      { ...all(401), ...signedIn(answer), 'set-up': atSetUp },
    ]),
    ...Object.entries(SECOND_STEP_ROUTES).map(([route, [make, answer]]): [string, () => Call, Expected] => [
      route,
      make,
      { ...all(401), 'second step': answer },
    ]),
    ...Object.entries(LINK_ROUTES).map(([route, [make, answer]]): [string, () => Call, Expected] => [
      route,
      make,
      all(answer),
    ]),
  ];
  it.each(cases)('%s', async (_route, make, expected) => {
    const got: Expected = {};
    for (const [actor, cookie] of Object.entries(await actors())) {
      const res = await send(make(), cookie);
      got[actor] = res.statusCode >= 200 && res.statusCode < 300 ? 'ok' : res.statusCode;
      if (res.statusCode >= 400) expect(errorOf(res).code).toEqual(expect.any(String));
    }
    expect(got).toEqual(expected);
  });

  it('the second step tells a wrong code from a missing login', async () => {
    const call: Call = { method: 'POST', url: '/api/auth/second-factor', payload: { method: 'totp', code: '000000' } };
    expect(errorOf(await send(call, null)).code).toBe('LOGIN_STEP_EXPIRED');
    const cookie = await passwordOnly(reviewer.email, reviewer.password);
    expect(errorOf(await send(call, cookie)).code).toBe('INVALID_CODE');
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
      'an assessor without organisation',
      { email: 'x@presse.example', name: 'X', role: 'assessor', ressorts: [] },
      'organisation',
    ],
    [
      'an assessor with a Ressort',
      { email: 'x@presse.example', name: 'X', role: 'assessor', ressorts: ['MKW'], organisation: 'WDR' },
      'ressorts',
    ],
    [
      'a controller with an organisation',
      { email: 'x@mkw.nrw.de', name: 'X', role: 'controller', ressorts: ['MKW'], organisation: 'WDR' },
      'organisation',
    ],
    [
      'an organisation with a control character',
      { email: 'x@presse.example', name: 'X', role: 'assessor', organisation: 'W\u0000DR' },
      'organisation',
    ],
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
    expect(issueFields(res)).toContain(field);
    expect([count(), audits()]).toEqual([users, entries]);
  });

  it('an unknown field is refused by name (no mass assignment)', async () => {
    const id = target('active');
    const res = await send({ method: 'PATCH', url: `/api/users/${id}`, payload: { disabledAt: null } }, admin.cookie);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(res))).toContain('disabledAt');
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
    expect(issueFields(res)).toEqual(['token']);
  });
});
