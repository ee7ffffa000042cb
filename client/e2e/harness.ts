import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot, startServer, type ServerProcess } from '../../scripts/lib/server-process.ts';
import { TOTP_PERIOD_SECONDS, totpCode } from '../../server/src/lib/totp.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT =
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
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page that records every console error and uncaught exception; tests assert there are none. */
export async function openPage(
  h: Harness,
  pathname: string,
  options: { viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ page: Page; errors: string[] }> {
  // Service workers are blocked unless a test is about offline use: page.route cannot see their requests.
  const context = await h.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'de-DE',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(`${h.server.url}${pathname}`);
  return { page, errors };
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

/** The authenticator app of each account a journey set up, by server and e-mail: the secret and the last step used. */
const apps = new Map<string, { secret: string; lastStep: number }>();

/**
 * A code the app would show now that the server has not taken yet (it refuses a step twice): the
 * oldest step within ±1 after the last one used, else the next step, waited for as a person would.
 */
export async function appCode(server: string, email: string): Promise<string> {
  const app = apps.get(`${server}|${email}`);
  if (!app) throw new Error(`no authenticator app set up for ${email}`);
  const period = TOTP_PERIOD_SECONDS * 1000;
  for (;;) {
    const current = Math.floor(Date.now() / period);
    const step = Math.max(app.lastStep + 1, current - 1);
    if (step <= current || (step === current + 1 && Date.now() % period < period - 3000)) {
      app.lastStep = step;
      return totpCode(app.secret, new Date(step * period));
    }
    await new Promise((resolve) => setTimeout(resolve, period - (Date.now() % period) + 100));
  }
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
  const codes = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
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
