import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRecoveryCode } from '../src/lib/recovery-codes.ts';
import { TOTP_PERIOD_SECONDS, totpCode } from '../src/lib/totp.ts';
import type {
  AccountResponse,
  EndedResponse,
  RecoveryCodesResponse,
  SessionsResponse,
} from '@zielmonitor/shared/schemas/accounts';
import type { LoginResponse, MeResponse } from '@zielmonitor/shared/schemas/auth';
import {
  anyText,
  createAccount,
  createTestApp,
  errorOf,
  issueFields,
  login,
  textMatching,
  rememberRecoveryCodes,
  sameOrigin,
  type Account,
  type TestApp,
} from './helper.ts';

/** The second step of a login, the set-up at the first login, and what a person manages for themselves. */
let t: TestApp;
let kim: Account;
const post = (url: string, payload: object = {}, cookie?: string) =>
  t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, ...(cookie && { cookie }) }, payload });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `zm_session=${res.cookies.find((c) => c.name === 'zm_session')?.value}`;
const passwordStep = async (email: string, password: string) => {
  const res = await post('/api/auth/login', { email, password });
  return { body: res.json<{ step: string; methods: string[] }>(), cookie: cookieOf(res) };
};
const me = async (cookie: string) =>
  (await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json<MeResponse>();
const period = TOTP_PERIOD_SECONDS * 1000;
/** The code of the step n steps from now. */
const codeAt = (secret: string, n: number) => totpCode(secret, new Date(Date.now() + n * period));

beforeAll(async () => {
  t = await createTestApp();
  kim = await createAccount(t, { email: 'kim@mkw.nrw.de', name: 'Kim Kaiser', role: 'controller', ressorts: ['MKW'] });
});
afterAll(() => t.close());

describe('every writing role sets up a second factor at its first login (MFA_REQUIRED)', () => {
  it.each(['admin', 'reviewer', 'controller', 'assessor'] as const)('%s', async (role) => {
    const { hashPassword } = await import('../src/lib/passwords.ts');
    const email = `neu-${role}@mkw.nrw.de`;
    t.app.repos.users.create(
      {
        email,
        name: 'Neu',
        role,
        // An assessor writes for an organisation, never for a Ressort; an admin for all.
        ressorts: role === 'controller' || role === 'reviewer' ? ['MKW'] : [],
        organisation: role === 'assessor' ? 'Landespressekonferenz' : null,
        passwordHash: await hashPassword('ein langes Passwort'),
      },
      new Date().toISOString(),
    );
    const { body, cookie } = await passwordStep(email, 'ein langes Passwort');
    expect(body).toEqual({ user: null, step: 'enrol', methods: ['totp', 'passkey'] });
    // Not signed in: no page that needs an account opens, and the second step is not this one.
    expect((await t.app.inject({ url: '/api/account', headers: { cookie } })).statusCode).toBe(401);
    expect((await post('/api/auth/second-factor', { method: 'totp', code: '123456' }, cookie)).statusCode).toBe(401);
  });

  it('signs in with the password alone where MFA_REQUIRED is off, and ends such sessions once it is on', async () => {
    const relaxed = await createTestApp({ mfaRequired: false });
    try {
      const { hashPassword } = await import('../src/lib/passwords.ts');
      relaxed.app.repos.users.create(
        {
          email: 'ohne@mkw.nrw.de',
          name: 'Ohne',
          role: 'controller',
          ressorts: ['MKW'],
          passwordHash: await hashPassword('ein langes Passwort'),
        },
        new Date().toISOString(),
      );
      const res = await relaxed.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: sameOrigin,
        payload: { email: 'ohne@mkw.nrw.de', password: 'ein langes Passwort' },
      });
      expect(res.json<LoginResponse>()).toMatchObject({ step: 'signed-in', user: { email: 'ohne@mkw.nrw.de' } });
      // Switched on again, that session opens nothing: the next login asks for a factor first.
      const { buildApp } = await import('../src/app.ts');
      const strict = await buildApp({ databasePath: relaxed.databasePath, seedDir: null, clientDist: null });
      try {
        const cookie = cookieOf(res);
        const me = await strict.inject({ url: '/api/auth/me', headers: { cookie } });
        expect(me.json<MeResponse>()).toEqual({ user: null });
      } finally {
        await strict.close();
      }
    } finally {
      await relaxed.close();
    }
  });
});

describe('the second step', () => {
  it('refuses a TOTP code that was used already (replay), and an older one after a newer', async () => {
    const first = await passwordStep(kim.email, kim.password);
    const code = codeAt(kim.totpSecret, 1);
    expect((await post('/api/auth/second-factor', { method: 'totp', code }, first.cookie)).statusCode).toBe(200);
    const second = await passwordStep(kim.email, kim.password);
    const replay = await post('/api/auth/second-factor', { method: 'totp', code }, second.cookie);
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay).code).toBe('CODE_ALREADY_USED');
    const older = await post(
      '/api/auth/second-factor',
      { method: 'totp', code: codeAt(kim.totpSecret, 0) },
      second.cookie,
    );
    expect(errorOf(older).code).toBe('CODE_ALREADY_USED');
    const log = t.app.db
      .prepare("SELECT after_json FROM audit_log WHERE action = 'login.second-factor-failed'")
      .pluck()
      .all();
    expect(log.join()).not.toContain(code);
  });

  it('accepts each recovery code once; they are stored only as salted hashes', async () => {
    const codes = (
      await post('/api/account/recovery-codes', { currentPassword: kim.password }, kim.cookie)
    ).json<RecoveryCodesResponse>().recoveryCodes;
    expect(codes).toHaveLength(10);
    rememberRecoveryCodes(kim.email, codes.slice(1));
    const rows = t.app.db
      .prepare('SELECT salt, code_hash FROM recovery_codes WHERE user_id = (SELECT id FROM users WHERE email = ?)')
      .all(kim.email) as { salt: string; code_hash: string }[];
    expect(rows).toHaveLength(10);
    expect(JSON.stringify(rows)).not.toContain((codes[0] ?? '').replace(/-/g, ''));
    expect(rows.some((r) => r.code_hash === hashRecoveryCode((codes[0] ?? '').replace(/-/g, ''), r.salt))).toBe(true);
    const step = await passwordStep(kim.email, kim.password);
    expect(step.body.methods).toEqual(['totp', 'recovery']);
    const ok = await post(
      '/api/auth/second-factor',
      { method: 'recovery', code: codes[0]?.toUpperCase() },
      step.cookie,
    );
    expect(ok.statusCode).toBe(200);
    const again = await passwordStep(kim.email, kim.password);
    const reused = await post('/api/auth/second-factor', { method: 'recovery', code: codes[0] }, again.cookie);
    expect(reused.statusCode).toBe(401);
    const account = await t.app.inject({ url: '/api/account', headers: { cookie: cookieOf(ok) } });
    expect(account.json<AccountResponse>().recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes with the password limit: the sixth try in 15 minutes is refused', async () => {
    const { hashPassword } = await import('../src/lib/passwords.ts');
    const id = t.app.repos.users.create(
      {
        email: 'rate@mkw.nrw.de',
        name: 'Rate',
        role: 'controller',
        ressorts: ['MKW'],
        passwordHash: await hashPassword('ein langes Passwort'),
      },
      new Date().toISOString(),
    );
    t.app.repos.secondFactors.confirmTotp(
      t.app.repos.secondFactors.addPendingTotp(id, kim.totpSecret, 'App', new Date()),
      'App',
      0,
      new Date(),
    );
    const { cookie } = await passwordStep('rate@mkw.nrw.de', 'ein langes Passwort');
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await post('/api/auth/second-factor', { method: 'totp', code: '000000' }, cookie)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('tells a malformed code by its field, and changes nothing', async () => {
    const step = await passwordStep(kim.email, kim.password);
    const res = await post('/api/auth/second-factor', { method: 'totp', code: '12ab56' }, step.cookie);
    expect(res.statusCode).toBe(400);
    expect(issueFields(res)).toEqual(['code']);
  });
});

describe('self-service', () => {
  it('changes the password with the current one; every other session ends, this one goes on', async () => {
    const other = await login(t, kim.email, kim.password);
    const wrong = await post(
      '/api/account/password',
      { currentPassword: 'falsch falsch', newPassword: 'x' },
      kim.cookie,
    );
    expect(wrong.statusCode).toBe(400);
    expect(issueFields(wrong)[0]).toBe('currentPassword');
    const res = await post(
      '/api/account/password',
      { currentPassword: kim.password, newPassword: 'Lindenblüte über Münster' },
      kim.cookie,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<EndedResponse>().ended).toBeGreaterThanOrEqual(1);
    expect(await me(other)).toEqual({ user: null });
    expect((await me(kim.cookie)).user?.email).toBe(kim.email);
    kim = { ...kim, password: 'Lindenblüte über Münster' };
  });

  it('lists its sessions and ends one of them', async () => {
    const other = await login(t, kim.email, kim.password);
    const list = (
      await t.app.inject({ url: '/api/account/sessions', headers: { cookie: kim.cookie } })
    ).json<SessionsResponse>().items;
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const foreign = list.find((s) => !s.current);
    if (!foreign) throw new Error('the other session is not listed');
    expect(foreign).toMatchObject({ device: anyText, method: textMatching(/^(totp|recovery)$/) });
    expect((await post(`/api/account/sessions/${foreign.id}/end`, {}, kim.cookie)).statusCode).toBe(200);
    expect(await me(other)).toEqual({ user: null });
  });

  it('keeps the last second factor while the account needs one', async () => {
    const account = (
      await t.app.inject({ url: '/api/account', headers: { cookie: kim.cookie } })
    ).json<AccountResponse>();
    const [factor] = account.factors;
    if (!factor) throw new Error('the account has no factor listed');
    const res = await post(`/api/account/factors/${factor.id}/remove`, { currentPassword: kim.password }, kim.cookie);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('LAST_FACTOR');
  });
});
