import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/user.ts';
import { createTestApp, type TestApp } from './helper.ts';

/** `npm run user -- add --role assessor`: an organisation, never a Ressort (the happy path runs in client/e2e). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const add = (...args: string[]) =>
  run(['add', '--email', 'sara@spd.example', '--name', 'Sara S', ...args, '--password-stdin'], t.app.db, () => {});

describe('assessor accounts from the command line', () => {
  it.each([
    [['--role', 'assessor'], /--organisation: .*braucht eine Organisation/],
    [
      ['--role', 'assessor', '--organisation', 'SPD', '--ressort', 'MHKBD'],
      /--ressort: unabhängige Einschätzungen gehören zu keinem Ressort/,
    ],
    [
      ['--role', 'controller', '--ressort', 'MHKBD', '--organisation', 'SPD'],
      /--organisation: nur für die Rolle assessor/,
    ],
    [['--role', 'assessor', '--organisation', 'S\u0007PD'], /--organisation: keine Steuerzeichen/],
  ])('refuses %j before asking for a password, creating nothing', async (args, message) => {
    const before = t.app.repos.users.list().length;
    await expect(add(...args)).rejects.toThrow(message);
    expect(t.app.repos.users.list()).toHaveLength(before);
  });
});
