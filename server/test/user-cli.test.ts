import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsersResponse } from '@zielmonitor/shared/schemas/accounts';
import type { MeResponse } from '@zielmonitor/shared/schemas/auth';
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

const users = async () =>
  (await t.app.inject({ url: '/api/users', headers: { cookie: (await admin()).cookie } })).json<UsersResponse>().items;

describe('npm run user', () => {
  it('invites without mail by printing the link once; the account is invited, the audit names the CLI', async () => {
    await cli('invite', '--email', 'neu@mkw.nrw.de', '--name', 'Nina Neu', '--role', 'reviewer', '--ressort', 'MKW');
    expect(lines.at(-2)).toBe('Eingeladen: neu@mkw.nrw.de (Prüfung und Freigabe: MKW)');
    expect(lines.at(-1)).toMatch(/^https:\/\/zielmonitor\.landtag\.example\/passwort-setzen#[A-Za-z0-9_-]{43}$/m);
    expect((await users()).find((u) => u.email === 'neu@mkw.nrw.de')).toMatchObject({
      state: 'invited',
      openLink: { purpose: 'invitation' },
    });
    const actor = t.app.db.prepare("SELECT actor FROM audit_log WHERE action = 'user.invite'").pluck().get();
    expect(actor).toBe('cli');
  });

  it('invites an assessor for an organisation, with no Ressort; the list shows the organisation', async () => {
    await cli(
      'invite',
      '--email',
      'sara@spd.example',
      '--name',
      'Sara S',
      '--role',
      'assessor',
      '--organisation',
      'SPD-Fraktion',
    );
    expect(lines.at(-2)).toBe('Eingeladen: sara@spd.example (Unabhängige Einschätzung: SPD-Fraktion)');
    expect((await users()).find((u) => u.email === 'sara@spd.example')).toMatchObject({
      role: 'assessor',
      organisation: 'SPD-Fraktion',
      ressorts: [],
      state: 'invited',
    });
    await cli('list');
    expect(lines).toContainEqual(
      expect.stringMatching(/^sara@spd\.example\tSara S\tassessor\tSPD-Fraktion\teingeladen\t/),
    );
  });

  it('disables an account: its sessions end at once', async () => {
    await cli('disable', '--email', kim.email);
    expect(lines.at(-1)).toBe('Gesperrt: kim@mkw.nrw.de (alle Sitzungen beendet)');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: kim.cookie } });
    expect(me.json<MeResponse>()).toEqual({ user: null });
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

/** `add --role assessor`: an organisation, never a Ressort (the happy path runs in client/e2e). */
describe('assessor accounts from the command line', () => {
  const add = (...args: string[]) =>
    cli('add', '--email', 'sven@cdu.example', '--name', 'Sven S', ...args, '--password-stdin');

  it.each([
    [['--role', 'assessor'], /--organisation: .*braucht eine Organisation/],
    [
      ['--role', 'assessor', '--organisation', 'SPD', '--ressort', 'MHKBD'],
      /--ressort: Unabhängige Einschätzungen gehören zu keinem Ressort/,
    ],
    [
      ['--role', 'controller', '--ressort', 'MHKBD', '--organisation', 'SPD'],
      /--organisation: Eine Organisation gibt es nur für die unabhängige Einschätzung/,
    ],
    [['--role', 'assessor', '--organisation', 'S\u0007PD'], /--organisation: .*Steuerzeichen/],
  ])('refuses %j before asking for a password, creating nothing', async (args, message) => {
    const before = t.app.repos.users.list().length;
    await expect(add(...args)).rejects.toThrow(message);
    expect(t.app.repos.users.list()).toHaveLength(before);
  });
});

let adminAccount: Account | undefined;
async function admin(): Promise<Account> {
  adminAccount ??= await createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
  return adminAccount;
}
