import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, openPage, reflows, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();
const PHONE = { width: 390, height: 844 };

/** Run in the page: every table either fits its box, or scrolls in it with the cue and its first column kept. */
function tableProblems(): string[] {
  const problems: string[] = [];
  for (const box of document.querySelectorAll<HTMLElement>('.table-scroll')) {
    const name = box.querySelector('table')?.dataset.testid ?? 'table';
    if (box.scrollWidth <= box.clientWidth + 1) continue;
    if (!box.classList.contains('overflows')) problems.push(`${name}: scrolls without being marked`);
    const cue = box.previousElementSibling;
    if (!(cue instanceof HTMLElement && cue.classList.contains('scroll-cue') && cue.offsetHeight > 0))
      problems.push(`${name}: no visible cue`);
    if (box.tabIndex !== 0) problems.push(`${name}: not reachable by keyboard`);
    const first = box.querySelector('tbody tr > :first-child');
    if (first && getComputedStyle(first).position !== 'sticky') problems.push(`${name}: first column not kept`);
  }
  return problems;
}

/** Run in the page: headings whose words are broken inside a word (a word spread over two lines). */
function brokenWords(): string[] {
  const broken: string[] = [];
  for (const heading of document.querySelectorAll('h1, h2, h3')) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[\p{L}\p{N}]{4,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}

describe.skipIf(!run)('on a phone (390 × 844)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the goal list shows ID, title and status of every goal without sideways scrolling, the rest under the title', async () => {
    const { page } = await openPage(h, '/ziele?version=1.0', { viewport: PHONE, touch: true });
    const table = page.getByTestId('goals-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await reflows(page)).toBe(true);
    expect(await page.evaluate(tableProblems)).toEqual([]);
    const box = page.locator('.table-scroll', { has: table });
    expect(await box.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const row = table.locator('tbody tr', { hasText: 'v1-13' });
    for (const cell of [row.locator('td').first(), row.getByRole('link'), row.locator('td .status').first()]) {
      const rect = await cell.boundingBox();
      expect(rect && rect.x >= 0 && rect.x + rect.width <= PHONE.width).toBe(true);
    }
    expect(await row.locator('.phone-only').textContent()).toMatch(/^MWIDE · Fällig: 2022 \(überfällig\)/);
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const path of [
    '/?version=1.0',
    '/?version=2.0',
    '/ziele/v1-13',
    '/verlauf',
    '/44-zu-78',
    '/ressorts/MHKBD',
    '/kennzahlen',
  ]) {
    it(`${path}: no sideways page scroll; wide tables scroll in their box with a cue; headings break between words`, async () => {
      const { page } = await openPage(h, path, { viewport: PHONE, touch: true });
      await page.locator('main h1').first().waitFor();
      await page.locator('table').first().waitFor({ state: 'attached' });
      // Everything below the fold too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(await reflows(page)).toBe(true);
      expect(await page.evaluate(tableProblems)).toEqual([]);
      expect(await page.evaluate(brokenWords)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('session mode: the title slide breaks between words', async () => {
    const { page } = await openPage(h, '/sitzung?version=1.0', { viewport: PHONE, touch: true });
    await page.getByRole('heading', { level: 1, name: 'Wie weit sind die Ziele der Digitalstrategie?' }).waitFor();
    expect(await page.evaluate(brokenWords)).toEqual([]);
    expect(await reflows(page)).toBe(true);
  });
});
