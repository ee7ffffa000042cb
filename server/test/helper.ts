import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppOptions } from '../src/app.ts';
import { repoRoot } from '../src/config.ts';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { readSeed } from '../src/seed/load-seed.ts';
import { recordLogLine } from './loud-failures.ts';
import { NO_LOAD_SHEDDING, type PressureOptions } from '../src/plugins/security.ts';

export const seedDir = path.join(repoRoot, 'data');

/** Error-level entries are recorded: a test that causes one fails unless it allows it (loud-failures.ts). */
export const testLogger = { level: 'error', stream: { write: recordLogLine } };

export type TestApp = { app: App; databasePath: string; close: () => Promise<void> };

type TestAppOptions = { seed?: boolean; pressure?: PressureOptions } & Partial<
  Omit<AppOptions, 'databasePath' | 'seedDir' | 'pressure'>
>;

/** The production app on a fresh SQLite file with the real migrations and the real seed. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-test-'));
  const databasePath = path.join(dir, 'test.sqlite');
  const { seed, pressure, ...rest } = options;
  const app = await buildApp({
    clientDist: null,
    logger: testLogger,
    ...rest,
    databasePath,
    seedDir: seed === false ? null : seedDir,
    // Load shedding has its own test.
    pressure: pressure ?? NO_LOAD_SHEDDING,
  });
  await app.ready();
  return {
    app,
    databasePath,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seed data as validated for loading, for tests that compare the API with its source data. */
export const seed = readSeed(seedDir);

/** Headers a same-origin browser request carries (app.inject addresses localhost:80). */
export const sameOrigin = { origin: 'http://localhost:80' };

export type Account = { email: string; password: string; cookie: string; totpSecret: string };

/** Second factors of the accounts tests made, by e-mail: `login` answers the second step with them. */
const factors = new Map<string, { secret: string; recoveryCodes: string[] }>();

/**
 * Creates an account directly through the repositories, with a confirmed authenticator app as
 * its second factor (every writing role needs one under MFA_REQUIRED, the default), and logs it
 * in over HTTP: password, then a TOTP code computed with otpauth, as an app would.
 */
export async function createAccount(
  t: TestApp,
  user: {
    email: string;
    name: string;
    role: 'admin' | 'controller' | 'reviewer' | 'assessor';
    ressorts: string[];
    organisation?: string;
  },
  origin = sameOrigin.origin,
): Promise<Account> {
  const { hashPassword } = await import('../src/lib/passwords.ts');
  const { newTotpSecret } = await import('../src/lib/totp.ts');
  const { newRecoveryCodes } = await import('../src/lib/recovery-codes.ts');
  const password = `korrekt-pferd-${user.email}`;
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const totpSecret = newTotpSecret();
  const codes = newRecoveryCodes();
  const { repos, db } = t.app;
  db.transaction(() => {
    const id = repos.users.create({ ...user, passwordHash }, now.toISOString());
    const factor = repos.secondFactors.addPendingTotp(id, totpSecret, 'Authenticator-App', now);
    repos.secondFactors.confirmTotp(factor, 'Authenticator-App', 0, now);
    repos.secondFactors.replaceRecoveryCodes(id, codes.stored, now);
  })();
  factors.set(user.email, { secret: totpSecret, recoveryCodes: codes.shown });
  return { email: user.email, password, totpSecret, cookie: await login(t, user.email, password, origin) };
}

/** After a test made new recovery codes through the API: `login` falls back on these. */
export function rememberRecoveryCodes(email: string, codes: string[]): void {
  const known = factors.get(email);
  if (known) known.recoveryCodes = [...codes];
}

/**
 * A TOTP code for this account that the server has not taken yet: the oldest step within ±1 of now
 * after the last one used (the server refuses a step twice); null when all three are used.
 */
export async function freshTotpCode(t: TestApp, email: string, secret: string): Promise<string> {
  const code = await unusedTotpCode(t, email, secret);
  if (code === null) throw new Error(`no unused TOTP step left for ${email} in this half minute`);
  return code;
}

async function unusedTotpCode(t: TestApp, email: string, secret: string): Promise<string | null> {
  const { TOTP_PERIOD_SECONDS, totpCode } = await import('../src/lib/totp.ts');
  const period = TOTP_PERIOD_SECONDS * 1000;
  const record = t.app.repos.users.findByEmail(email);
  const factor = record && t.app.repos.secondFactors.list(record.id).find((f) => f.kind === 'totp');
  const current = Math.floor(Date.now() / period);
  const step = Math.max((factor?.totpLastStep ?? 0) + 1, current - 1);
  // A step at the edge of the window may be gone by the time the request arrives: keep a margin.
  const usable = step <= current || (step === current + 1 && Date.now() % period < period - 2000);
  return usable ? totpCode(secret, new Date(step * period)) : null;
}

async function retryWhileBusy(send: () => Promise<LightMyRequestResponse>) {
  let res = await send();
  // One password check per client at a time: tests that log in several accounts at once wait their turn.
  while (res.statusCode === 429 && errorOf(res).code === 'LOGIN_BUSY') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    res = await send();
  }
  return res;
}

/** Logs in over HTTP: the password, then (for an account the tests made) a fresh TOTP code. */
export async function login(t: TestApp, email: string, password: string, origin = sameOrigin.origin): Promise<string> {
  const res = await retryWhileBusy(() =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin }, payload: { email, password } }),
  );
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zm_session');
  if (!cookie) throw new Error('no session cookie');
  const step = res.json<{ step: string }>().step;
  if (step === 'signed-in') return `zm_session=${cookie.value}`;
  const known = factors.get(email);
  if (step !== 'second-factor' || !known) throw new Error(`login stopped at ${step} for ${email}`);
  // Three logins of one account within a half minute use up the TOTP steps; then a recovery code.
  const code = await unusedTotpCode(t, email, known.secret);
  const recovery = code === null ? known.recoveryCodes.pop() : undefined;
  if (code === null && recovery === undefined) throw new Error(`no second factor left for ${email}`);
  const second = await t.app.inject({
    method: 'POST',
    url: '/api/auth/second-factor',
    headers: { origin, cookie: `zm_session=${cookie.value}` },
    payload: code === null ? { method: 'recovery', code: recovery } : { method: 'totp', code },
  });
  const signedIn = second.cookies.find((c) => c.name === 'zm_session');
  if (second.statusCode !== 200 || !signedIn)
    throw new Error(`second step failed: ${second.statusCode} ${second.body}`);
  return `zm_session=${signedIn.value}`;
}

/**
 * vitest types its asymmetric matchers as `any`; typed as `unknown` they sit in an expected object without
 * switching off the type checks around them.
 */
export const anyText: unknown = expect.any(String);
export const anyList: unknown = expect.any(Array);
export const textContaining = (part: string): unknown => expect.stringContaining(part);
export const textMatching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const objectContaining = (part: Record<string, unknown>): unknown => expect.objectContaining(part);

/** The error of a response in the one error shape. */
export function errorOf(res: { json: () => unknown }): ErrorResponse['error'] {
  return ErrorResponse.parse(res.json()).error;
}

/** The fields a 400 names, in order. */
export function issueFields(res: { json: () => unknown }): string[] {
  return (errorOf(res).issues ?? []).map((issue) => issue.field);
}
