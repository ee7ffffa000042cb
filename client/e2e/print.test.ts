import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openPage, startHarness, type Harness } from './harness.ts';
import { flat, readPdf } from './pdf.ts';

const run = browserAvailable();

// Each main view as a reader prints it: what page 1 must say for the printout to stand alone.
const VIEWS = [
  { path: '/?version=1.0', title: 'Wie weit sind die Ziele der Digitalstrategie?', version: '1.0', chart: true },
  {
    path: '/?version=2.0&asOf=2022-06-30',
    title: 'Wie weit sind die Ziele der Digitalstrategie?',
    version: '2.0',
    chart: true,
  },
  { path: '/ziele?version=1.0', title: 'Ziele 1.0', version: '1.0', chart: false },
  { path: '/ziele/v1-13', title: 'v1-13 Alle Schulen bis Ende 2022', version: '1.0', chart: false },
  { path: '/verlauf?version=2.0', title: 'Entwicklung über die Zeit – 2.0', version: '2.0', chart: true },
  { path: '/aenderungen?version=1.0&since=2020-01-01', title: 'Änderungen', version: '1.0', chart: false },
  { path: '/44-zu-78', title: 'Von 44 zu 78 Zielen', version: '2.0', chart: true },
];

describe.skipIf(!run)('printouts stand alone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  for (const view of VIEWS) {
    it(`${view.path}: page 1 says what, whose, how counted, how complete, as of when, the link; every page its number`, async () => {
      const { page } = await openPage(h, view.path);
      await page.getByTestId('view-stamp').waitFor();
      if (view.chart) await page.locator('figure svg.recharts-surface').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      const pdf = readPdf(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false }));
      const first = flat(pdf.pages[0] ?? '');
      expect(first).toContain(view.title);
      expect(first).toContain(`Digitalstrategie ${view.version}`);
      expect(first).toMatch(/Wessen Einschätzung: (Landesregierung|unabhängige)/);
      expect(first).toContain('Zählweise: ');
      expect(first).toMatch(/Abdeckung: \d+ von \d+ Zielen öffentlich belegt/);
      expect(first).toMatch(/Stand: (heute, )?\d\d\.\d\d\.\d{4}/);
      expect(first).toMatch(/Link zum Zitieren: http:\/\/127\.0\.0\.1:\d+\//);
      pdf.pages.forEach((text, i) => expect(flat(text)).toContain(`Seite ${i + 1} von ${pdf.count}`));
      // Navigation and controls are for the screen.
      expect(first).not.toContain('Sitzungsmodus');
      expect(first).not.toContain('Link kopieren');
    });
  }

  it('the overview on A4 portrait: key figures and the chart with its caption on page 1', async () => {
    for (const version of ['1.0', '2.0']) {
      const { page } = await openPage(h, `/?version=${version}`);
      await page.getByTestId('ressort-chart').locator('svg').first().waitFor();
      const caption = flat((await page.locator('figure.chart figcaption').textContent()) ?? '');
      await page.emulateMedia({ media: 'print' });
      const pdf = readPdf(await page.pdf({ format: 'A4', printBackground: false }));
      const first = flat(pdf.pages[0] ?? '');
      expect(first).toContain('Ziele laut');
      expect(first).toContain('Erfüllung je Ressort');
      expect(first).toContain(caption);
    }
  });
});
