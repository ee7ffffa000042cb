import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAKS, publicTextLeaks } from '@zielmonitor/shared/vocabulary/public-text';
import { browserAvailable, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();

// Every page a reader reaches without an account, in German.
const PAGES = [
  '/?version=1.0',
  '/?version=2.0&asOf=2022-06-30&track=independent',
  '/ziele?version=1.0',
  '/ziele/v1-13',
  '/ziele/v2-09',
  '/verlauf',
  '/aenderungen?since=2020-01-01',
  '/44-zu-78',
  '/kennzahlen',
  '/ressorts/MHKBD',
  '/runden',
  '/sitzung?version=2.0',
  '/anmelden',
  '/barrierefreiheit',
  '/gibt-es-nicht',
];

/** Run in the page: the text a reader sees or hears — visible text and the names given to controls. */
function readerText(): string {
  const names = [...document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [document.title, document.body.innerText, ...names].join('\n');
}

describe.skipIf(!run)('German pages speak German', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('no enum value, snake_case word, placeholder or English UI word on any public page', async () => {
    const found: string[] = [];
    for (const path of PAGES) {
      const { page } = await openPage(h, path);
      await page.locator('main h1, .slide h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      // What a reader opens too: the explanations behind "Wie wird gezählt?" and the like.
      for (const summary of await page.locator('main details > summary').all()) await summary.click();
      const text = await page.evaluate(readerText);
      found.push(...publicTextLeaks(path, text));
      await page.context().close();
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('the scan finds a leak where there is one', () => {
    const lines = ['Status: in_progress', 'Ressort: {ressort}', 'Stand: undefined', 'Loading …'];
    expect(lines.map((line) => LEAKS.some(([, pattern]) => pattern.test(line)))).toEqual([true, true, true, true]);
  });
});
