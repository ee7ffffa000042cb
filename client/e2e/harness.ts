import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot, startServer, type ServerProcess } from '../../scripts/lib/server-process.ts';
import { nextAppCode, type AuthenticatorApp } from '../../scripts/lib/authenticator-app.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_HINT =
  'Browser-Tests übersprungen: kein Chromium gefunden. Installieren mit: apt-get update && apt-get install -y chromium';

/**
 * Whether the browser tests can run. Without Chromium they are skipped with the install
 * command, except under CI=true, where a missing browser must fail the run.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true, aber ${CHROMIUM} fehlt. ${INSTALL_HINT}`);
  console.warn(INSTALL_HINT);
  return false;
}

export type Harness = { server: ServerProcess; browser: Browser; databasePath: string; close: () => Promise<void> };

/**
 * Every console error or warning, uncaught exception and error-level server log line of a test is
 * recorded; setup.ts fails the test after it unless the test allowed that message (it provokes it).
 */
const recorded: string[] = [];
/** Patterns a test allowed, each for what is recorded after it allowed it. */
let allowed: { pattern: RegExp; from: number }[] = [];
const servers = new Set<ServerProcess>();
const serverLogRead = new WeakMap<ServerProcess, number>();

/** Lets the current test cause console errors or server errors matching these patterns. */
export function allowBrowserErrors(...patterns: RegExp[]): void {
  allowed.push(...patterns.map((pattern) => ({ pattern, from: recorded.length })));
}

/** What the running servers logged at error level (pino: 50) since the last look. */
function readServerErrors(): void {
  for (const server of servers) {
    const output = server.output();
    const lines = output.slice(serverLogRead.get(server) ?? 0).split('\n');
    // The last piece may be a line still being written: read it next time.
    const complete = lines.slice(0, -1);
    serverLogRead.set(server, output.length - (lines.at(-1)?.length ?? 0));
    for (const line of complete) {
      if (/"level":(5|6)\d/.test(line)) recorded.push(`server log: ${line}`);
    }
  }
}

/** What was recorded since the last call and not allowed; clears both lists. */
export function takeUnexpected(): string[] {
  readServerErrors();
  const unexpected = recorded.filter(
    (line, index) => !allowed.some(({ pattern, from }) => index >= from && pattern.test(line)),
  );
  recorded.length = 0;
  allowed = [];
  return unexpected;
}

/** The real server on a fresh seeded database, serving the built dashboard, and headless Chromium. */
/** The server as in production; `env` sets what a journey needs on top (e.g. REVIEW_REQUIRED=false). */
export async function startHarness(options: { env?: Record<string, string>; port?: number } = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(repoRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist fehlt: erst `npm run build` ausführen (npm test tut das).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-e2e-'));
  const databasePath = path.join(dir, 'e2e.sqlite');
  const server = await startServer({
    databasePath,
    ...(options.env && { env: options.env }),
    ...(options.port !== undefined && { port: options.port }),
  });
  servers.add(server);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    server,
    browser,
    databasePath,
    close: async () => {
      await browser.close();
      readServerErrors();
      servers.delete(server);
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page whose console errors, warnings and uncaught exceptions fail the test (see takeUnexpected). */
export async function openPage(
  h: Harness,
  pathname: string,
  options: {
    viewport?: { width: number; height: number };
    serviceWorkers?: 'allow' | 'block';
    /** A tablet or phone: touch events, no mouse hover. */
    touch?: boolean;
  } = {},
): Promise<{ page: Page }> {
  // Service workers are blocked unless a test is about offline use: page.route cannot see their requests.
  const context = await h.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'de-DE',
    serviceWorkers: options.serviceWorkers ?? 'block',
    ...(options.touch && { hasTouch: true, isMobile: true }),
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    const type = message.type();
    // Blocking service workers (the default above) is the harness's doing, not the dashboard's.
    if (message.text().startsWith('Service Worker registration blocked by Playwright')) return;
    if (type === 'error' || type === 'warning') recorded.push(`console.${type}: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => recorded.push(`pageerror: ${error.message} (${page.url()})`));
  await page.goto(`${h.server.url}${pathname}`);
  return { page };
}

/** axe-core on the page as it is now: WCAG 2.1 A/AA (and EN 301 549 rules where axe has them). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'EN-301-549'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** True when the page needs no horizontal scrolling at the current viewport. */
export async function reflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

/** The authenticator app of each account a journey set up, by server and e-mail. */
const apps = new Map<string, AuthenticatorApp>();

/** The code the account's app shows now, one the server has not taken yet. */
export async function appCode(server: string, email: string): Promise<string> {
  const app = apps.get(`${server}|${email}`);
  if (!app) throw new Error(`no authenticator app set up for ${email}`);
  return nextAppCode(app);
}

/**
 * Sets up the authenticator app on the page "Zweiten Faktor einrichten", as a person would: reads
 * the key under the QR code, types the app's code (computed with otpauth), and notes the recovery codes.
 */
export async function enrolApp(h: Harness, page: Page, email: string): Promise<string[]> {
  await page.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  apps.set(`${h.server.url}|${email}`, { secret, lastStep: 0 });
  await page.getByLabel('Code aus der Authenticator-App').fill(await appCode(h.server.url, email));
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  // allInnerTexts does not wait: the codes appear only once the server has confirmed the code.
  const list = page.getByTestId('recovery-codes').locator('li');
  await list.first().waitFor();
  const codes = await list.allInnerTexts();
  await page.getByRole('button', { name: 'Codes gesichert, weiter' }).click();
  return codes;
}

/**
 * Logs in through the login form, as a user would, and waits for "Meine Ziele". Every account
 * writes, so under MFA_REQUIRED (the default) the first login sets up an authenticator app and
 * every later one answers with its code.
 */
export async function loginAs(h: Harness, page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${h.server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const next = page
    .getByRole('heading', { name: /Zweiter Schritt der Anmeldung|Zweiten Faktor einrichten|Meine Ziele/ })
    .first();
  const heading = await next.innerText();
  if (heading.startsWith('Zweiten Faktor')) await enrolApp(h, page, email);
  else if (heading.startsWith('Zweiter Schritt')) {
    await page.getByLabel('Code aus der Authenticator-App').fill(await appCode(h.server.url, email));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
  }
  await page.waitForURL(/\/meine-ziele/);
}

/**
 * Run in the page: whether the service worker controls it and has stored an answer for each of
 * these API paths (what a first visit read is stored once the worker is in control).
 */
export async function storedForOffline(paths: string[]): Promise<boolean> {
  if (!navigator.serviceWorker.controller) return false;
  const names = await caches.keys();
  const data = names.find((name) => name.startsWith('zielmonitor-data-'));
  const keys = data ? await (await caches.open(data)).keys() : [];
  return paths.every((path) => keys.some((k) => new URL(k.url).pathname === path));
}
