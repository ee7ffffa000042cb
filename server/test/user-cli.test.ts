/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   The answers are read as untyped JSON in these assertions; typing each one (res.json<T>()) is still to do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext, run } from '../../scripts/user.ts';
import { loadConfig } from '../src/config.ts';
import type { AccountContext } from '../src/services/account-context.ts';
import { createAccount, createTestApp, type Account, type TestApp } from './helper.ts';

/** `npm run user` runs the account service the administration's pages use, on the same database. */
let t: TestApp;
let kim: Account;
let ctx: AccountContext;
const lines: string[] = [];
const cli = (...argv: string[]) => run(argv, ctx, (line) => lines.push(line));

beforeAll(async () => {
  t = await createTestApp();
  kim = await createAccount(t, { email: 'kim@mkw.nrw.de', name: 'Kim', role: 'controller', ressorts: ['MKW'] });
  ctx = cliContext(t.app.db, loadConfig({ PUBLIC_ORIGIN: 'https://zielmonitor.landtag.example' }));
});
afterAll(() => t.close());

describe('npm run user', () => {
  it('invites without mail by printing the link once; the account is invited, the audit names the CLI', async () => {
    await cli('invite', '--email', 'neu@mkw.nrw.de', '--name', 'Nina Neu', '--role', 'reviewer', '--ressort', 'MKW');
    expect(lines.at(-2)).toBe('Eingeladen: neu@mkw.nrw.de (Prüfung und Freigabe: MKW)');
    expect(lines.at(-1)).toMatch(/^https:\/\/zielmonitor\.landtag\.example\/passwort-setzen#[A-Za-z0-9_-]{43}$/m);
    const list = (await t.app.inject({ url: '/api/users', headers: { cookie: (await admin()).cookie } })).json();
    expect(list.items.find((u: { email: string }) => u.email === 'neu@mkw.nrw.de')).toMatchObject({
      state: 'invited',
      openLink: { purpose: 'invitation' },
    });
    const actor = t.app.db.prepare("SELECT actor FROM audit_log WHERE action = 'user.invite'").pluck().get();
    expect(actor).toBe('cli');
  });

  it('disables an account: its sessions end at once', async () => {
    await cli('disable', '--email', kim.email);
    expect(lines.at(-1)).toBe('Gesperrt: kim@mkw.nrw.de (alle Sitzungen beendet)');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: kim.cookie } })).json()).toEqual({
      user: null,
    });
  });

  it('refuses what the pages refuse, in the same words', async () => {
    await expect(
      cli('invite', '--email', 'kim@mkw.nrw.de', '--name', 'X', '--role', 'controller', '--ressort', 'MKW'),
    ).rejects.toThrow('Für diese E-Mail-Adresse gibt es schon ein Konto');
    await expect(cli('invite', '--email', 'y@mkw.nrw.de', '--name', 'Y', '--role', 'controller')).rejects.toThrow(
      'mindestens ein Ressort',
    );
  });
});

let adminAccount: Account | undefined;
async function admin(): Promise<Account> {
  adminAccount ??= await createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
  return adminAccount;
}
