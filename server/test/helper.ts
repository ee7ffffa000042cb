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

export type Account = { email: string; password: string; cookie: string };

/** Creates an account directly through the repositories and logs it in over HTTP. */
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
  const password = `korrekt-pferd-${user.email}`;
  t.app.repos.users.create({ ...user, passwordHash: await hashPassword(password) }, new Date().toISOString());
  return { email: user.email, password, cookie: await login(t, user.email, password, origin) };
}

export async function login(t: TestApp, email: string, password: string, origin = sameOrigin.origin): Promise<string> {
  const attempt = () =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin }, payload: { email, password } });
  let res = await attempt();
  // One password check per client at a time: tests that log in several accounts at once wait their turn.
  while (res.statusCode === 429 && errorOf(res).code === 'LOGIN_BUSY') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    res = await attempt();
  }
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zm_session');
  if (!cookie) throw new Error('no session cookie');
  return `zm_session=${cookie.value}`;
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
