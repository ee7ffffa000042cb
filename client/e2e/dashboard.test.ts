import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowBrowserErrors,
  browserAvailable,
  openPage,
  startHarness,
  takeUnexpected,
  type Harness,
} from './harness.ts';

const run = browserAvailable();

describe.skipIf(!run)('dashboard journeys in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  const api = async <T>(path: string): Promise<T> => (await fetch(`${h.server.url}${path}`)).json() as Promise<T>;

  it('shows the Ressorts with zero goals met, exactly those the API reports, and the coverage', async () => {
    const stats = await api<{ items: { ressort: string; achieved: number; total: number }[] }>(
      '/api/stats/ressorts?version=1.0',
    );
    const expected = stats.items
      .filter((i) => i.ressort !== 'unknown' && i.achieved === 0)
      .map((i) => i.ressort)
      .sort();
    expect(expected.length).toBeGreaterThan(0);

    const { page } = await openPage(h, '/');
    const panel = page.getByTestId('zero-goal-panel');
    await panel.getByRole('heading', { name: 'Ressorts ohne erreichtes Ziel' }).waitFor();
    const listed = (await panel.locator('li strong').allTextContents()).sort();
    expect(listed).toEqual(expected);
    expect(await page.getByTestId('coverage').textContent()).toBe('29 von 44 Zielen öffentlich belegt');
    // The open counting question stands beside the coverage, with the other possible count, unsettled.
    const question = page.locator('.coverage [data-testid=counting-question]');
    expect(await question.textContent()).toContain('Offene Zählfrage');
    expect(await question.textContent()).toContain('sind 28 von 44 Zielen belegt');
    await page.getByTestId('ressort-chart').locator('svg').first().waitFor();
  });

  it('on a phone draws the per-Ressort chart only when it scrolls into view, in the place kept for it', async () => {
    const { page } = await openPage(h, '/', { viewport: { width: 390, height: 844 } });
    await page.getByTestId('zero-goal-panel').waitFor();
    const placeholder = page.locator('.chart .chart-placeholder');
    const kept = await placeholder.boundingBox();
    expect(await page.getByTestId('ressort-chart').count()).toBe(0);
    await placeholder.scrollIntoViewIfNeeded();
    const chart = page.getByTestId('ressort-chart');
    await chart.locator('svg').first().waitFor();
    expect((await chart.boundingBox())?.height).toBeCloseTo(kept?.height ?? 0, -1);
  });

  it('filters the goal table through the UI, keeps it in the URL, and back restores the previous view', async () => {
    const { page } = await openPage(h, '/ziele?version=1.0');
    await page.getByTestId('goals-table').waitFor();
    const nav = page.locator('.app-header nav');
    expect(await nav.locator('[aria-current=page]').allTextContents()).toEqual(['Ziele']);
    await page.getByLabel('Ressort').selectOption('MWIDE');
    await page.waitForURL(/ressort=MWIDE/);
    await page.getByLabel('Suche in Titel und Beschreibung').fill('GLASFASER');
    await page.waitForURL(/q=GLASFASER/);
    const apiResult = await api<{ total: number; items: { id: string }[] }>(
      '/api/goals?version=1.0&ressort=MWIDE&q=GLASFASER',
    );
    expect(apiResult.total).toBeGreaterThan(0);
    // The whole count: "1 Ziel" is also part of "11 Ziele".
    await page
      .getByTestId('goal-count')
      .filter({ hasText: new RegExp(`^${apiResult.total} Ziele?$`) })
      .waitFor();
    const ids = await page.locator('[data-testid=goals-table] tbody tr td:first-child').allTextContents();
    expect(ids).toEqual(apiResult.items.map((g) => g.id));

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('q=GLASFASER'));
    expect(await page.getByLabel('Suche in Titel und Beschreibung').inputValue()).toBe('');
    expect(await page.getByLabel('Ressort').inputValue()).toBe('MWIDE');
  });

  it('opens a goal with both tracks apart, its sources and due date', async () => {
    const { page } = await openPage(h, '/ziele?version=1.0&q=schulen');
    const row = page.locator('[data-testid=goals-table] tbody tr', { has: page.getByRole('cell', { name: 'v1-13' }) });
    // The due column: the year the wording names (and that it is overdue), not a made-up 31.12.2022.
    expect(await row.locator('td').nth(4).textContent()).toBe('2022 überfällig');
    await page.getByRole('link', { name: /Alle Schulen bis Ende 2022/ }).click();
    await page.waitForURL(/\/ziele\/v1-13/);
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    const goal = await api<{ history: { official: unknown[]; independent: unknown[] }; sources: unknown[] }>(
      '/api/goals/v1-13',
    );
    expect(await page.locator('[data-testid=official-history] li').count()).toBe(goal.history.official.length);
    expect(await page.locator('[data-testid=independent-history] li').count()).toBe(goal.history.independent.length);
    expect(await page.locator('.sources li').count()).toBe(goal.sources.length);
    // „bis (Ende) 2022“ names a year: the page shows the year and how it is read, not a made-up day.
    const due = page.locator('.facts > div', { has: page.getByRole('term').filter({ hasText: /^Fällig$/ }) });
    const dueText = (await due.locator('dd').textContent()) ?? '';
    expect(dueText).toMatch(/^2022/);
    expect(dueText).not.toContain('31.12.2022');
    expect(dueText).toContain('Im Wortlaut ist nur das Jahr genannt; gezählt wird ab dem Jahresende.');
  });

  it('reloads a shared URL into the same view: filters, sort and order', async () => {
    const shared = '/ziele?version=1.0&ressort=MWIDE&sort=title&order=desc';
    const { page } = await openPage(h, shared);
    await page.getByTestId('goals-table').waitFor();
    const expected = await api<{ items: { id: string }[] }>(
      '/api/goals?version=1.0&ressort=MWIDE&sort=title&order=desc',
    );
    const read = async () => page.locator('[data-testid=goals-table] tbody tr td:first-child').allTextContents();
    expect(await read()).toEqual(expected.items.map((g) => g.id));
    await page.reload();
    await page.getByTestId('goals-table').waitFor();
    expect(await read()).toEqual(expected.items.map((g) => g.id));
    expect(await page.getByLabel('Ressort').inputValue()).toBe('MWIDE');
    expect(await page.locator('th[aria-sort=descending]').textContent()).toContain('Ziel');
  });

  it('records a console error or warning nobody allowed, which fails the test it happens in', async () => {
    const { page } = await openPage(h, '/barrierefreiheit');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => {
      console.error('absichtlicher Fehler');
      console.warn('absichtliche Warnung');
    });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const found = takeUnexpected();
    expect(found.filter((line) => line.includes('absichtlich'))).toEqual([
      expect.stringContaining('console.error: absichtlicher Fehler'),
      expect.stringContaining('console.warning: absichtliche Warnung'),
    ]);
  });

  it('shows the counting question on both goals it concerns, and on no other goal', async () => {
    for (const id of ['v1-13', 'v1-14']) {
      const { page } = await openPage(h, `/ziele/${id}`);
      const question = page.getByTestId('counting-question');
      await question.waitFor();
      expect(await question.textContent()).toContain('v1-13 (Schulen) und v1-14 (Gewerbegebiete)');
      expect(await question.textContent()).toContain('R02');
    }
    const { page } = await openPage(h, '/ziele/v1-15');
    await page.getByRole('heading', { level: 1, name: /v1-15/ }).waitFor();
    expect(await page.getByTestId('counting-question').count()).toBe(0);
  });

  it('says clearly when the API is down and recovers with the retry button', async () => {
    const { page } = await openPage(h, '/ziele/v1-13');
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    // Every API request fails while the route is cut, and the browser logs each one.
    allowBrowserErrors(/ERR_CONNECTION_REFUSED/);
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${h.server.url}/ziele?version=2.0`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('nicht erreichbar');
    await page.unroute('**/api/**');
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.getByTestId('goals-table').waitFor();
  });

  it('answers "44 plus 34?" with a Sankey and a table whose flows add up to the documented goals', async () => {
    const { page } = await openPage(h, '/44-zu-78');
    await page.getByTestId('lineage-sankey').locator('svg').first().waitFor();
    const counts = await page.locator('[data-testid=lineage-table] tbody td.num').allTextContents();
    const lineage = await api<{ fates: unknown[]; origins: { origin: string }[] }>('/api/lineage?from=1.0&to=2.0');
    const expected = lineage.fates.length + lineage.origins.filter((o) => o.origin !== 'derived').length;
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(expected);
    expect(await page.getByText('Ziel wurde gelockert').count()).toBeGreaterThan(0);
    await page.getByTestId('due-table').waitFor();
  });

  it('prints the overview on A4 with the date it shows and the sources, without navigation', async () => {
    const { page } = await openPage(h, '/?asOf=2021-12-02');
    // On a desktop the chart is there before anyone prints, scrolled to it or not.
    await page.getByTestId('ressort-chart').locator('svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('ressort-chart').locator('svg').first().isVisible()).toBe(true);
    expect(await page.locator('.app-header nav').isVisible()).toBe(false);
    expect(await page.getByTestId('point-in-time').textContent()).toContain('02.12.2021');
    expect(await page.getByTestId('reported-figures').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps one line of responsibility across the 2022 re-cut: MHKBD shows the goals MWIDE and MHKBG led', async () => {
    const { page } = await openPage(h, '/ressorts/MHKBD');
    await page.getByTestId('ressort-goals').locator('tbody tr').first().waitFor();
    const mwide = await api<{ total: number }>('/api/goals?ressort=MWIDE&limit=500');
    const mhkbg = await api<{ total: number }>('/api/goals?ressort=MHKBG&limit=500');
    expect(await page.locator('[data-testid=ressort-goals] tbody tr').count()).toBe(mwide.total + mhkbg.total);
    expect(await page.getByText('Übernimmt Zuständigkeiten von').textContent()).toContain('MWIDE');
  });

  it.each([
    ['/', 'Ressorts ohne erreichtes Ziel'],
    ['/ziele', 'Ziele 1.0'],
    ['/ziele/v1-01', 'Gewerbe-Service-Portal'],
    ['/aenderungen', 'Änderungen'],
  ])('does not shift %s when its data arrives (cumulative layout shift under 0.1)', async (pathname, heading) => {
    const { page } = await openPage(h, '/barrierefreiheit', { viewport: { width: 1350, height: 940 } });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      Object.assign(window, { layoutShifts: shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if ('value' in entry && typeof entry.value === 'number') shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Every answer of the API is held back until the page has drawn its loading state, as on a slow line.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${h.server.url}${pathname}`);
    await page.locator('.state-loading').first().waitFor();
    release();
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = await page.evaluate(() =>
      ((window as unknown as { layoutShifts?: number[] }).layoutShifts ?? []).reduce((sum, v) => sum + v, 0),
    );
    expect(total).toBeLessThan(0.1);
    await page.context().close();
  });

  it('switches to English', async () => {
    const { page } = await openPage(h, '/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Ministries with no goal achieved' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choice is kept: a reload starts in English (its messages load before the first render).
    await page.reload();
    await page.getByRole('heading', { name: 'Ministries with no goal achieved' }).waitFor();
    expect(await page.getByRole('button', { name: 'Deutsch' }).count()).toBe(1);

    // English that cannot be fetched (offline before it ever was) starts in German, not blank.
    allowBrowserErrors(/messages-en/, /ERR_INTERNET_DISCONNECTED/);
    await page.route('**/assets/messages-en-*.js', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByRole('heading', { name: 'Ressorts ohne erreichtes Ziel' }).waitFor();
    // and keeps the choice for when English can load again
    expect(await page.evaluate(() => localStorage.getItem('zm-lang'))).toBe('en');
  });
});
