import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppOptions } from '../src/app.ts';
import { repoRoot } from '../src/config.ts';
import { NO_LOAD_SHEDDING, type PressureOptions } from '../src/plugins/security.ts';

export const seedDir = path.join(repoRoot, 'data');

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

/** Reads one of the seed files, for tests that compare the API with its source data. */
export function readSeedFile<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8')) as T;
}

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
  while (res.statusCode === 429 && res.json().error.code === 'LOGIN_BUSY') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    res = await attempt();
  }
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zm_session');
  if (!cookie) throw new Error('no session cookie');
  return `zm_session=${cookie.value}`;
}
