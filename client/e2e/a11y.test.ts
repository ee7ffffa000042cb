import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowBrowserErrors,
  axeViolations,
  browserAvailable,
  openPage,
  reflows,
  startHarness,
  type Harness,
} from './harness.ts';

const run = browserAvailable();

/**
 * Every public route in a state worth checking, with what to wait for before axe runs, and what
 * to scroll to first (the overview draws its chart when it comes into view).
 */
const ROUTES: [string, string, string, string?][] = [
  ['overview', '/', '[data-testid=ressort-chart] svg', '#chart-title'],
  [
    'overview, independent track, English-free',
    '/?track=independent&rule=due_by_date',
    '[data-testid=zero-goal-panel]',
  ],
  [
    'goal list with filters',
    '/ziele?version=1.0&ressort=MWIDE&status=in_progress&q=glasfaser&sort=title&order=desc',
    '[data-testid=goals-table]',
  ],
  ['goal page', '/ziele/v1-13', '[data-testid=official-history]'],
  ['lineage', '/44-zu-78', '[data-testid=lineage-sankey] svg'],
  ['Ressort page', '/ressorts/MHKBD', '[data-testid=ressort-goals] tbody tr'],
  ['timeline', '/verlauf?version=1.0', '[data-testid=timeline-chart] svg'],
  ['changes', '/aenderungen?since=2020-01-01', '[data-testid=changes-table]'],
  ['as-of view', '/?asOf=2020-12-31', '[data-testid=point-in-time]'],
  ['login', '/anmelden', 'form'],
  ['accessibility statement', '/barrierefreiheit', 'h1'],
  ['not found', '/gibt-es-nicht', 'h1'],
  ['session mode', '/sitzung', '.slide h1'],
  ['overview, indicator panel', '/', '[data-testid=indicators-panel] tbody tr', '#indicators-title'],
  ['indicators', '/kennzahlen?version=1.0', '[data-testid=indicator-table] tbody tr'],
  ['indicator page', '/kennzahlen/schulen-glasfaser', '[data-testid=indicator-chart] svg'],
  [
    'goal page with indicators and Terminlage',
    '/ziele/v1-15?asOf=2022-06-30',
    '[data-testid=goal-indicators] tbody tr',
  ],
];

describe.skipIf(!run)('accessibility (WCAG 2.1 AA) in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  for (const [name, path, ready, scrollTo] of ROUTES) {
    it(`${name}: zero axe violations, and it reflows at 320 px`, async () => {
      const { page } = await openPage(h, path);
      if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
      await page.locator(ready).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.waitForTimeout(100);
      expect(await reflows(page), `${path} scrolls horizontally at 320 px`).toBe(true);
    });
  }

  it('the error state (API down) has zero axe violations', async () => {
    const { page } = await openPage(h, '/ziele/v1-13');
    // Every API request fails while the route is cut, and the browser logs each one.
    allowBrowserErrors(/ERR_CONNECTION_REFUSED/);
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${h.server.url}/ziele?version=2.0`);
    await page.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reflows at 200 % zoom (640 px wide at 1280 px) without horizontal scrolling', async () => {
    const { page } = await openPage(h, '/ziele?version=1.0', { viewport: { width: 640, height: 450 } });
    await page.getByTestId('goals-table').waitFor();
    expect(await reflows(page)).toBe(true);
  });

  it('works by keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const { page } = await openPage(h, '/');
    await page.getByTestId('zero-goal-panel').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Every focusable control shows a visible focus indicator.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(outline).not.toBe('none');
  });
});
