import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();

describe.skipIf(!run)('taking the figures away', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the overview chart downloads as SVG and PNG with title, legend, date and source; the table as CSV', async () => {
    const { page } = await openPage(h, '/?version=2.0&asOf=2022-06-30');
    await page.getByTestId('ressort-chart').locator('svg').first().waitFor();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByText(name).click()]);
      return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
    };

    const png = await download('Diagramm als PNG herunterladen');
    expect(png.name).toBe('zielmonitor-ressorts-2.0-2022-06-30.png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    // Twice the chart's width, from the PNG header.
    expect(png.body.readUInt32BE(16)).toBeGreaterThan(800);

    const svg = await download('Diagramm als SVG herunterladen');
    expect(svg.name).toBe('zielmonitor-ressorts-2.0-2022-06-30.svg');
    const text = svg.body.toString('utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain('>Erfüllung je Ressort – alle Ziele · Landesregierung');
    expect(text).toContain('>erreicht</text>');
    expect(text).toContain('Digitalstrategie 2.0 · Stand: 30.06.2022 · Abdeckung:');
    expect(text).toMatch(/Quelle: Zielmonitor.* · http:\/\/127\.0\.0\.1:\d+\/\?/);
    expect(text).toContain('class="recharts-surface"');

    const csv = await download('Tabelle als CSV für Excel herunterladen');
    expect(csv.name).toBe('zielmonitor-ressorts-2.0-2022-06-30.csv');
    expect(csv.body.toString('utf8').startsWith('\uFEFFRessort;Ressort (Name);Ziele;')).toBe(true);
  });
});
