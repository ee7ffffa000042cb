import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowBrowserErrors,
  axeViolations,
  browserAvailable,
  openPage,
  startHarness,
  storedForOffline,
  type Harness,
} from './harness.ts';
import { flat, readPdf } from './pdf.ts';

const run = browserAvailable();
const TITLE = 'Wie weit sind die Ziele der Digitalstrategie?';

describe.skipIf(!run)('session mode in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('is driven by keys, says what a typed code found, and keeps the slide and its lock in the URL', async () => {
    const { page } = await openPage(h, '/sitzung?version=1.0&asOf=2021-12-02');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByTestId('session-date').textContent()).toContain('02.12.2021');
    expect(await page.locator('header.app-header').count()).toBe(0);
    // The lock goes into the URL at once: the date and the knowledge of the moment it was opened.
    await page.waitForURL(/knownAt=\d{4}-\d\d-\d\dT/);

    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'Ressorts ohne erreichtes Ziel' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
    expect(new URL(page.url()).searchParams.get('folie')).toBe('2');

    await page.keyboard.type('mwide');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^MWIDE – Ministerium für Wirtschaft/ }).waitFor();
    await page
      .getByTestId('session-notice')
      .filter({ hasText: /^Ressort MWIDE: \d+ Ziele, Folie \d+\.$/ })
      .waitFor();

    // A ministry that existed, but had no goal of this version on that date, says so.
    await page.keyboard.type('MWIKE');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('session-notice')
      .filter({ hasText: 'MWIKE: Für kein belegtes Ziel der Digitalstrategie 1.0 zuständig' })
      .waitFor();
    const before = page.url();
    await page.keyboard.type('XYZ');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-notice').filter({ hasText: 'Nichts gefunden für „XYZ“' }).waitFor();
    expect(page.url()).toBe(before);

    await page.keyboard.type('v1-13');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    const url = new URL(page.url());
    const folie = url.searchParams.get('folie');
    expect(Number(folie)).toBeGreaterThan(3);
    expect(url.searchParams.get('asOf')).toBe('2021-12-02');
    const knownAt = url.searchParams.get('knownAt');

    // A reload, or the link shared with a colleague, opens the same slide with the same lock.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    const other = await page.context().newPage();
    await other.goto(url.href);
    await other.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    expect(new URL(other.url()).searchParams.get('knownAt')).toBe(knownAt);
    expect(await axeViolations(page)).toEqual([]);

    // The way back to the dashboard keeps version and date.
    await page.getByRole('link', { name: 'Zum Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-12-02');
  });

  it('on a tablet: taps on the right and left third, swipes and the buttons move the deck', async () => {
    const viewport = { width: 1024, height: 768 };
    const { page } = await openPage(h, '/sitzung?version=2.0&asOf=2022-06-30', { viewport, touch: true });
    const counter = page.getByTestId('slide-counter');
    await counter.filter({ hasText: /^Folie 1 von \d+$/ }).waitFor();
    const stage = page.locator('.session-stage');
    const box = await stage.boundingBox();
    if (!box) throw new Error('no stage');
    const y = box.y + box.height / 2;
    await page.touchscreen.tap(box.x + box.width * 0.85, y);
    await counter.filter({ hasText: /^Folie 2 von/ }).waitFor();
    await page.touchscreen.tap(box.x + box.width * 0.85, y);
    await counter.filter({ hasText: /^Folie 3 von/ }).waitFor();
    // The "Ressorts ohne erreichtes Ziel" slide of 2.0 on 30.06.2022 says whose assessment and on what basis.
    await page.getByRole('heading', { level: 1, name: /^Ressorts ohne erreichtes Ziel/ }).waitFor();
    const zero = (await page.locator('[data-testid=slide-box] .slide').textContent()) ?? '';
    expect(zero).toMatch(/Wessen Einschätzung: Landesregierung/);
    expect(zero).toMatch(/Grundlage: die \d+ öffentlich belegten von \d+ Zielen/);
    expect(zero.replace(/Wessen Einschätzung.*$/, '').length).toBeGreaterThan('Ressorts ohne erreichtes Ziel'.length);
    await page.touchscreen.tap(box.x + box.width * 0.15, y);
    await counter.filter({ hasText: /^Folie 2 von/ }).waitFor();
    // A tap in the middle third changes nothing (a finger resting on the slide).
    await page.touchscreen.tap(box.x + box.width * 0.5, y);

    await page.getByRole('button', { name: 'Weiter' }).tap();
    await counter.filter({ hasText: /^Folie 3 von/ }).waitFor();
    await page.getByRole('button', { name: '‹ Zurück', exact: true }).tap();
    await counter.filter({ hasText: /^Folie 2 von/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('folie')).toBe('2');

    // The jump field, for a tablet without a keyboard.
    // Today's ministries find the goals they are responsible for.
    await page.getByLabel('Springen zu Ressort oder Ziel').fill('MWIKE');
    await page.getByRole('button', { name: 'Springen' }).tap();
    const notice = page.getByTestId('session-notice').filter({ hasText: /^MWIKE ist heute für \d+ Ziele zuständig/ });
    await notice.waitFor();
    await page.getByRole('heading', { level: 1, name: /^MWIKE – heute zuständig/ }).waitFor();
    expect(await page.locator('[data-testid=slide-box] .goal-lines li').count()).toBeGreaterThan(0);
    const at = Number(/Folie (\d+)\./.exec((await notice.textContent()) ?? '')?.[1]);
    await counter.filter({ hasText: `Folie ${at} von` }).waitFor();
    // A swipe to the left is "next", to the right "previous" (last: a tap right after a swipe stops the
    // fling and is no click, in Chromium as on a phone).
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (from: number, to: number) => {
      const point = (x: number) => [{ x, y, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
      for (let i = 1; i <= 5; i++)
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: point(from + ((to - from) * i) / 5),
        });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(box.x + box.width * 0.7, box.x + box.width * 0.3);
    await counter.filter({ hasText: `Folie ${at + 1} von` }).waitFor();
    await swipe(box.x + box.width * 0.3, box.x + box.width * 0.7);
    await counter.filter({ hasText: `Folie ${at} von` }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints a handout: every slide on its own A4 page, light, each with version, data date and its link', async () => {
    const { page } = await openPage(h, '/sitzung?version=1.0&asOf=2021-12-02&folie=5');
    const counter = page.getByTestId('slide-counter');
    await counter.filter({ hasText: /^Folie 5 von \d+$/ }).waitFor();
    await page.getByRole('button', { name: 'Als Handout drucken' }).and(page.locator(':enabled')).waitFor();
    const total = Number(/von (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
    await page.emulateMedia({ media: 'print' });
    // Light: white paper, black type, not the projector's white on black.
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.handout-page .slide') ?? document.body);
      return {
        color: style.color,
        background: getComputedStyle(document.querySelector('.session') ?? document.body).backgroundColor,
      };
    });
    expect(colours).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: false }));
    expect(pdf.count).toBe(total);
    pdf.pages.forEach((text, i) => {
      const page = flat(text);
      expect(page).toContain(`Handout zur Digitalstrategie 1.0 · Stand: 02.12.2021 · Folie ${i + 1} von ${total}`);
      expect(page).toContain('Kenntnisstand: alle bis');
      expect(page).toMatch(new RegExp(`Link zum Zitieren: http://\\S+/sitzung\\?\\S*folie=${i + 1}\\b`));
    });
    expect(flat(pdf.pages[0] ?? '')).toContain(TITLE);
    expect(flat(pdf.pages.join('\f'))).toContain('MWIDE – Ministerium für Wirtschaft');
  });

  it('after one visit keeps working offline: data stays, a reload opens the same slide from the service worker', async () => {
    allowBrowserErrors(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/);
    const { page } = await openPage(h, '/sitzung?version=1.0&asOf=2021-12-02', { serviceWorkers: 'allow' });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The worker stores what this first visit read (the page was loaded before it was in control).
    await expect
      .poll(
        () =>
          page.evaluate(storedForOffline, [
            '/api/stats/ressorts',
            '/api/goals',
            '/api/reported-figures',
            '/api/indicators',
          ]),
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.context().setOffline(true);
    await page.getByText('offline – Daten bleiben stehen').waitFor();
    await page.keyboard.type('mwide');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^MWIDE – Ministerium für Wirtschaft/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^MWIDE – Ministerium für Wirtschaft/ }).waitFor();
    await page.keyboard.press('PageDown');
    await page
      .getByTestId('slide-counter')
      .filter({ hasText: /^Folie 5 von/ })
      .waitFor();
  });
});
