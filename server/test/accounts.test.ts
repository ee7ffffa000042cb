import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP, URI } from 'otpauth';
import { hashLinkToken } from '../src/lib/tokens.ts';
import type {
  EnrolledResponse,
  LinkInfo,
  TotpSetupResponse,
  UserResponse,
  UsersResponse,
  UserWithLinkResponse,
} from '@zielmonitor/shared/schemas/accounts';
import type { AuditResponse } from '@zielmonitor/shared/schemas/audit';
import type { LoginResponse, MeResponse } from '@zielmonitor/shared/schemas/auth';
import {
  createAccount,
  createTestApp,
  errorOf,
  issueFields,
  login,
  objectContaining,
  textMatching,
  type Account,
  type TestApp,
} from './helper.ts';
import { MAIL_FROM, mailOf, ORIGIN, queuedMailCount, queuedMailLeaks } from './mail-fixtures.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

/** Invitations, resets and the administration's actions, with mail through a real SMTP server. */
let smtp: TestSmtpServer;
let t: TestApp;
let admin: Account;
const headers = { origin: ORIGIN };
const NEW_PASSWORD = 'Lindenblüte über Münster';

const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie?: string) =>
  t.app.inject({ method, url, headers: { ...headers, ...(cookie && { cookie }) }, payload });
const post = (url: string, payload: object = {}, cookie?: string) => send('POST', url, payload, cookie);
const deliver = async (): Promise<ReceivedMail[]> => {
  const before = smtp.received.length;
  await mailOf(t.app).sendDue(new Date());
  return smtp.received.slice(before);
};
/** The link mail among those delivered (notices about a new factor may come with it). */
const linkMail = (mails: ReceivedMail[], to: string): ReceivedMail => {
  const mail = mails.find((m) => m.envelopeTo.includes(to) && m.parsed.text?.includes('/passwort-setzen#'));
  if (!mail) throw new Error(`no link mail to ${to}`);
  return mail;
};
const tokenIn = (mail: ReceivedMail): string => {
  const match = /\/passwort-setzen#([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '');
  if (!match?.[1]) throw new Error(`no link in ${mail.parsed.text}`);
  return match[1];
};
const userId = (email: string) => t.app.repos.users.findByEmail(email)?.id ?? -1;
const auditOf = (action: string) =>
  t.app.db.prepare('SELECT actor, entity_id, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action);

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ mail: { smtpUrl: smtp.url, from: MAIL_FROM }, publicOrigin: ORIGIN });
  admin = await createAccount(t, { email: 'ada@nrw.example', name: 'Ada Admin', role: 'admin', ressorts: [] }, ORIGIN);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('an invitation by mail', () => {
  let token = '';
  it('creates an account without a password and mails a single-use link that is stored only as a hash', async () => {
    const res = await post(
      '/api/users',
      { email: 'kim@mhkbd.nrw.example', name: 'Kim Kaiser', role: 'controller', ressorts: ['MHKBD'] },
      admin.cookie,
    );
    expect(res.statusCode).toBe(201);
    const invited = res.json<UserWithLinkResponse>();
    expect(invited.user).toMatchObject({ state: 'invited', role: 'controller', ressorts: ['MHKBD'] });
    expect(invited.link).toMatchObject({ purpose: 'invitation', sentTo: 'kim@mhkbd.nrw.example', url: null });
    const expires = Date.parse(invited.link.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(47.9 * 3_600_000);
    expect(expires).toBeLessThanOrEqual(48 * 3_600_000);
    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(mail?.envelopeTo).toEqual(['kim@mhkbd.nrw.example']);
    expect(mail?.parsed.subject).toBe('Einladung zum Zielmonitor');
    expect(mail?.parsed.text?.replace(/\s+/g, ' ')).toContain('Rolle: Controlling für MHKBD');
    token = tokenIn(mail as ReceivedMail);
    const stored = t.app.db.prepare('SELECT token_hash FROM password_links').pluck().all();
    expect(stored).toEqual([hashLinkToken(token)]);
    expect(JSON.stringify(t.app.db.prepare('SELECT * FROM audit_log').all())).not.toContain(token);
    expect(auditOf('user.invite')).toHaveLength(1);
  });

  it('lets the person set a password once; the link is spent after that', async () => {
    const info = await post('/api/auth/password-link', { token });
    expect(info.json<LinkInfo>()).toMatchObject({
      purpose: 'invitation',
      email: 'kim@mhkbd.nrw.example',
      name: 'Kim Kaiser',
    });
    const weak = await post('/api/auth/password-link/password', { token, password: 'Sommer2026!!' });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).issues).toEqual([objectContaining({ field: 'password' })]);
    const set = await post('/api/auth/password-link/password', { token, password: NEW_PASSWORD });
    expect(set.statusCode).toBe(200);
    const again = await post('/api/auth/password-link/password', { token, password: `${NEW_PASSWORD}!` });
    expect(again.statusCode).toBe(410);
    expect(errorOf(again).code).toBe('LINK_INVALID');
    expect((await post('/api/auth/password-link', { token })).statusCode).toBe(410);
  });

  it('then asks the new controller to set up a second factor before anything else', async () => {
    const res = await post('/api/auth/login', { email: 'kim@mhkbd.nrw.example', password: NEW_PASSWORD });
    expect(res.json<LoginResponse>()).toEqual({ user: null, step: 'enrol', methods: ['totp', 'passkey'] });
    const cookie = `zm_session=${res.cookies.find((c) => c.name === 'zm_session')?.value}`;
    // Half-way, nothing but the set-up is open.
    const write = await post('/api/goals/v2-01/status', { status: 'achieved' }, cookie);
    expect(write.statusCode).toBe(401);
    const setup = await post('/api/account/totp', {}, cookie);
    expect(setup.statusCode).toBe(200);
    const wrong = await post('/api/account/totp/confirm', { code: '000000' }, cookie);
    expect(wrong.statusCode).toBe(400);
    expect(issueFields(wrong)[0]).toBe('code');
    // As an authenticator app does: read the otpauth:// address of the QR code, compute the code.
    const totp = setup.json<TotpSetupResponse>();
    const app = URI.parse(totp.uri);
    if (!(app instanceof TOTP)) throw new Error('not a TOTP address');
    expect(app).toMatchObject({
      issuer: 'Zielmonitor (zielmonitor.landtag.nrw.example)',
      label: 'kim@mhkbd.nrw.example',
    });
    expect(app).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(app.secret.base32).toBe(totp.secret);
    const done = await post('/api/account/totp/confirm', { code: app.generate(), label: 'Diensthandy' }, cookie);
    expect(done.statusCode).toBe(200);
    const enrolled = done.json<EnrolledResponse>();
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(enrolled.user.email).toBe('kim@mhkbd.nrw.example');
    const signedIn = done.cookies.find((c) => c.name === 'zm_session')?.value;
    expect(signedIn).toBeDefined();
    expect(`zm_session=${signedIn}`).not.toBe(cookie);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `zm_session=${signedIn}` } });
    expect(me.json<MeResponse>().user?.email).toBe('kim@mhkbd.nrw.example');
  });

  it('refuses an expired invitation and tells the admin the link without mail … only once', async () => {
    const res = await post(
      '/api/users',
      { email: 'old@mkw.nrw.example', name: 'Olaf Alt', role: 'reviewer', ressorts: ['MKW'] },
      admin.cookie,
    );
    const expired = tokenIn(linkMail(await deliver(), 'old@mkw.nrw.example'));
    // 48 hours pass.
    t.app.db
      .prepare('UPDATE password_links SET expires_at = ? WHERE token_hash = ?')
      .run(new Date(Date.now() - 1000).toISOString(), hashLinkToken(expired));
    const late = await post('/api/auth/password-link/password', { token: expired, password: NEW_PASSWORD });
    expect(late.statusCode).toBe(410);
    const { user } = res.json<UserWithLinkResponse>();
    expect(t.app.repos.users.findById(user.id)?.passwordChangedAt).toBeNull();
    const again = await post(`/api/users/${user.id}/invitation`, {}, admin.cookie);
    expect(again.statusCode).toBe(200);
    const fresh = tokenIn(linkMail(await deliver(), 'old@mkw.nrw.example'));
    expect(fresh).not.toBe(expired);
  });
  it('invites an assessor for an organisation: no Ressort, the organisation in the list, the mail and the audit', async () => {
    const res = await post(
      '/api/users',
      { email: 'pia@presse.example', name: 'Pia Presse', role: 'assessor', organisation: 'Landespressekonferenz' },
      admin.cookie,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<UserWithLinkResponse>().user).toMatchObject({
      role: 'assessor',
      ressorts: [],
      organisation: 'Landespressekonferenz',
      state: 'invited',
    });
    const mail = linkMail(await deliver(), 'pia@presse.example');
    expect(mail.parsed.text?.replace(/\s+/g, ' ')).toContain(
      'Rolle: Unabhängige Einschätzung für Landespressekonferenz',
    );
    const list = await t.app.inject({ url: '/api/users', headers: { cookie: admin.cookie } });
    expect(list.json<UsersResponse>().items.find((u) => u.email === 'pia@presse.example')).toMatchObject({
      role: 'assessor',
      organisation: 'Landespressekonferenz',
    });
    const log = await t.app.inject({ url: '/api/audit?action=user.add', headers: { cookie: admin.cookie } });
    expect(JSON.stringify(log.json<AuditResponse>().items[0])).toContain('Landespressekonferenz');
  });
});

describe('a password reset', () => {
  it('answers the same whether or not the address has an account, and mails only an existing one', async () => {
    const known = await post('/api/auth/password-reset', { email: 'kim@mhkbd.nrw.example' });
    const unknown = await post('/api/auth/password-reset', { email: 'niemand@nrw.example' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mails = (await deliver()).filter((m) => m.parsed.subject === 'Neues Passwort für den Zielmonitor');
    expect(mails.map((m) => m.envelopeTo)).toEqual([['kim@mhkbd.nrw.example']]);
  });

  it('is good for one hour and once; setting the password ends every session of the account', async () => {
    await post('/api/auth/password-reset', { email: 'ada@nrw.example' });
    const token = tokenIn(linkMail(await deliver(), 'ada@nrw.example'));
    const link = t.app.db
      .prepare('SELECT created_at, expires_at FROM password_links WHERE token_hash = ?')
      .get(hashLinkToken(token)) as { created_at: string; expires_at: string };
    expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBe(3_600_000);
    const other = await login(t, admin.email, admin.password, ORIGIN);
    const set = await post('/api/auth/password-link/password', { token, password: NEW_PASSWORD });
    expect(set.statusCode).toBe(200);
    for (const cookie of [admin.cookie, other]) {
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
      expect(me.json<MeResponse>()).toEqual({ user: null });
    }
    expect(
      (await post('/api/auth/password-link/password', { token, password: 'noch ein anderes Pass' })).statusCode,
    ).toBe(410);
    // The second factor stays: the new password alone does not sign in.
    const next = await post('/api/auth/login', { email: admin.email, password: NEW_PASSWORD });
    expect(next.json<LoginResponse>().step).toBe('second-factor');
    admin = { ...admin, password: NEW_PASSWORD, cookie: await login(t, admin.email, NEW_PASSWORD, ORIGIN) };
  });
});

describe('the administration', () => {
  it('disables an account: its sessions end and its login fails; enabling lets it in again', async () => {
    const kim = userId('kim@mhkbd.nrw.example');
    const before = await post('/api/auth/login', { email: 'kim@mhkbd.nrw.example', password: NEW_PASSWORD });
    const pending = `zm_session=${before.cookies.find((c) => c.name === 'zm_session')?.value}`;
    const off = await post(`/api/users/${kim}/disable`, {}, admin.cookie);
    expect(off.json<UserResponse>().user).toMatchObject({ state: 'disabled', sessions: 0 });
    expect(t.app.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(kim)).toBe(0);
    expect((await post('/api/auth/second-factor', { method: 'totp', code: '123456' }, pending)).statusCode).toBe(401);
    const refused = await post('/api/auth/login', { email: 'kim@mhkbd.nrw.example', password: NEW_PASSWORD });
    expect(refused.statusCode).toBe(401);
    const on = await post(`/api/users/${kim}/enable`, {}, admin.cookie);
    expect(on.json<UserResponse>().user.state).toBe('active');
    expect(auditOf('user.disable')).toHaveLength(1);
    expect(auditOf('user.enable')).toHaveLength(1);
  });

  it('changes role and scope, audited with the change in words', async () => {
    const kim = userId('kim@mhkbd.nrw.example');
    const res = await send(
      'PATCH',
      `/api/users/${kim}`,
      { role: 'reviewer', ressorts: ['MHKBD', 'MKW'] },
      admin.cookie,
    );
    expect(res.json<UserResponse>().user).toMatchObject({ role: 'reviewer', ressorts: ['MHKBD', 'MKW'] });
    const log = await t.app.inject({ url: '/api/audit?action=user.update', headers: { cookie: admin.cookie } });
    const entry = log.json<AuditResponse>().items[0];
    expect(entry?.actionLabel).toBe('Konto geändert (Name, Rolle, Ressorts oder Organisation)');
    expect(JSON.stringify(entry)).toContain('Prüfung und Freigabe');
  });

  it('resets a second factor: the account sets up a new one at its next login', async () => {
    const kim = userId('kim@mhkbd.nrw.example');
    const res = await post(`/api/users/${kim}/reset-second-factor`, {}, admin.cookie);
    expect(res.json<UserResponse>().user.secondFactor).toEqual({ totp: 0, passkeys: 0, recoveryCodesLeft: 0 });
    const next = await post('/api/auth/login', { email: 'kim@mhkbd.nrw.example', password: NEW_PASSWORD });
    expect(next.json<LoginResponse>().step).toBe('enrol');
    expect(auditOf('user.reset-second-factor')).toHaveLength(1);
  });

  it('never disables or demotes the last administrator, nor disables itself', async () => {
    const ada = userId('ada@nrw.example');
    const own = await post(`/api/users/${ada}/disable`, {}, admin.cookie);
    expect(own.statusCode).toBe(409);
    const demote = await send('PATCH', `/api/users/${ada}`, { role: 'controller', ressorts: ['MKW'] }, admin.cookie);
    expect(demote.statusCode).toBe(409);
    expect(errorOf(demote).code).toBe('LAST_ADMIN');
  });

  it('gets the link to pass on by hand when mail is not configured', async () => {
    const offline = await createTestApp({ publicOrigin: ORIGIN });
    try {
      const boss = await createAccount(
        offline,
        { email: 'ada@nrw.example', name: 'Ada Admin', role: 'admin', ressorts: [] },
        ORIGIN,
      );
      const res = await offline.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { ...headers, cookie: boss.cookie },
        payload: { email: 'neu@mkw.nrw.example', name: 'Nina Neu', role: 'controller', ressorts: ['MKW'] },
      });
      const { link } = res.json<UserWithLinkResponse>();
      expect(link).toMatchObject({ sentTo: null, url: textMatching(/^https:\/\/zielmonitor.+#/) });
      const secret = link.url?.split('#')[1];
      if (!secret) throw new Error('no link handed over');
      const list = await offline.app.inject({ url: '/api/users', headers: { cookie: boss.cookie } });
      expect(list.body).not.toContain(secret);
      expect(list.json<UsersResponse>().mailConfigured).toBe(false);
      const forgot = await offline.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        headers,
        payload: { email: 'ada@nrw.example' },
      });
      expect(forgot.statusCode).toBe(409);
      expect(errorOf(forgot).code).toBe('MAIL_NOT_CONFIGURED');
    } finally {
      await offline.close();
    }
  });
});

describe('the mails of accounts', () => {
  it('read as published German (glossary, no enum value, snake_case or placeholder)', () => {
    expect(queuedMailCount(t.app)).toBeGreaterThan(0);
    expect(queuedMailLeaks(t.app)).toEqual([]);
  });
});
