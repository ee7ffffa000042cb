import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/server-process.ts';
import { addUser } from './accounts.ts';
import { axeViolations, browserAvailable, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();
const PASSWORD = 'Glasfaser-fuer-alle-Schulen-admin';

/**
 * Passkeys need a host name (browsers refuse an IP address as relying party): the server runs with
 * PUBLIC_ORIGIN http://localhost:<port>, and Chromium signs with its virtual authenticator, set up
 * through the DevTools protocol (WebAuthn.addVirtualAuthenticator), as a platform authenticator
 * with user verification would.
 */
describe.skipIf(!run)('a passkey as second factor (headless Chromium, virtual authenticator)', () => {
  let h: Harness;
  beforeAll(async () => {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const started = await startHarness({ port, env: { PUBLIC_ORIGIN: origin } });
    h = { ...started, server: { ...started.server, url: origin } };
    await addUser(h.databasePath, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', password: PASSWORD });
  });
  afterAll(async () => {
    await h.close();
  });

  it('sets up a passkey at the first login and signs in with it the next time', async () => {
    const { page } = await openPage(h, '/anmelden');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const login = async () => {
      await page.goto(`${h.server.url}/anmelden`);
      await page.getByLabel('E-Mail-Adresse').fill('admin@nrw.de');
      await page.getByLabel('Passwort').fill(PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
    };

    await login();
    await page.getByRole('heading', { name: 'Zweiten Faktor einrichten' }).waitFor();
    await page.getByLabel('Name des Geräts (freiwillig)').last().fill('Laptop Büro');
    await page.getByRole('button', { name: 'Passkey einrichten' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'Codes gesichert, weiter' }).click();
    await page.waitForURL(/\/meine-ziele/);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    await page.getByRole('button', { name: 'Abmelden' }).click();

    await login();
    await page.getByRole('heading', { name: 'Zweiter Schritt der Anmeldung' }).waitFor();
    expect(await axeViolations(page), 'second step with a passkey').toEqual([]);
    await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
    await page.waitForURL(/\/meine-ziele/);
    const signCount = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]?.signCount;
    expect(signCount).toBeGreaterThanOrEqual(1);

    await page.getByRole('link', { name: 'Mein Konto' }).click();
    await page.getByTestId('factors').getByText('Laptop Büro').waitFor();
    const sessions = await page.getByTestId('sessions').innerText();
    expect(sessions).toContain('mit Passkey');
  });
});
