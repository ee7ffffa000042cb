import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];
// 1.0 today, and 2.0 as of 30.06.2022, the day after the 2022 re-cut of the ministries.
const DECKS = [
  { version: '1.0', query: 'version=1.0' },
  { version: '2.0', query: 'version=2.0&asOf=2022-06-30' },
];

type Seen = { counter: string; heading: string; problems: string[]; ids: string[] };

describe.skipIf(!run)('session slides fit every projector', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}, no slide of either version sticks out, and every goal is on a slide`, async () => {
      const { page } = await openPage(h, '/', { viewport: size });
      for (const deck of DECKS) {
        const goals = (await (await fetch(`${h.server.url}/api/goals?${deck.query}&limit=500`)).json()) as {
          items: { id: string }[];
        };
        await page.goto(`${h.server.url}/sitzung?${deck.query}`);
        await page
          .getByTestId('slide-counter')
          .filter({ hasText: /^Folie 1 von \d+$/ })
          .waitFor();
        const total = Number(/von (\d+)/.exec((await page.getByTestId('slide-counter').textContent()) ?? '')?.[1]);
        expect(total).toBeGreaterThan(20);
        const listed = new Set<string>();
        const problems: string[] = [];
        for (let n = 1; n <= total; n++) {
          await page
            .getByTestId('slide-counter')
            .filter({ hasText: `Folie ${n} von ${total}` })
            .waitFor();
          const seen: Seen = await page.evaluate(() => {
            const box = document.querySelector<HTMLElement>('[data-testid=slide-box]');
            const problems: string[] = [];
            if (!box) return { counter: '', heading: '', problems: ['no slide box'], ids: [] };
            if (box.scrollHeight > box.clientHeight + 1)
              problems.push(`list ${box.scrollHeight} > ${box.clientHeight}`);
            if (box.scrollWidth > box.clientWidth + 1) problems.push('too wide');
            if (box.classList.contains('slide-scrolls')) problems.push('scrolls');
            // Nothing of the session (bar, slide, footer) lies beyond the screen.
            for (const el of document.querySelectorAll<HTMLElement>(
              '.session > :not(.handout), .session > :not(.handout) *',
            )) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.left < -1 || r.top < -1) {
                problems.push(`${el.tagName.toLowerCase()}.${el.className} at ${Math.round(r.bottom)}/${innerHeight}`);
                break;
              }
            }
            return {
              counter: document.querySelector('[data-testid=slide-counter]')?.textContent ?? '',
              heading: document.querySelector('.slide h1')?.textContent ?? '',
              problems,
              ids: [...box.querySelectorAll('.goal-lines li > .mono')].map((el) => el.textContent),
            };
          });
          if (seen.problems.length > 0)
            problems.push(`${deck.version} ${seen.counter} „${seen.heading}“: ${seen.problems.join(', ')}`);
          for (const id of seen.ids) listed.add(id);
          if (n < total) await page.keyboard.press('PageDown');
        }
        expect(problems).toEqual([]);
        expect([...listed].sort()).toEqual(goals.items.map((g) => g.id).sort());
      }
    }, 240_000);
  }
});
