import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();

/** Downloads what clicking `control` saves: its suggested name and its bytes. */
async function download(page: Page, control: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
}

/** A CSV for German Excel: BOM, semicolons, CRLF; its rows as csv-parse reads them. */
function excelRows(body: Buffer): string[][] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('\r\n');
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  return parse(text, { bom: true, delimiter: ';' });
}

/** The PNG's width and height from its header (IHDR). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The SVG's width and height as written on its root element. */
function svgSize(svg: string) {
  const match = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)"/.exec(svg);
  expect(match).not.toBeNull();
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

/** SVG and PNG of one chart: the PNG is the SVG drawn at twice its size, and not blank. */
async function chartFiles(page: Page, scope: Locator, baseName: string) {
  const svg = await download(page, scope.getByRole('button', { name: /Diagramm als SVG herunterladen/ }));
  expect(svg.name).toBe(`${baseName}.svg`);
  const text = svg.body.toString('utf8');
  expect(text).toContain('class="recharts-surface"');
  const png = await download(page, scope.getByRole('button', { name: /Diagramm als PNG herunterladen/ }));
  expect(png.name).toBe(`${baseName}.png`);
  expect(png.body.subarray(1, 4).toString()).toBe('PNG');
  const size = svgSize(text);
  expect(pngSize(png.body)).toEqual({ width: size.width * 2, height: size.height * 2 });
  // A white rectangle compresses to almost nothing; a chart with text does not.
  expect(png.body.length).toBeGreaterThan(10_000);
  return text;
}

describe.skipIf(!run)('every chart and its data table can be taken away', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the Verlauf: its table as CSV for Excel, the chart as SVG and PNG with title, legend, date and source', async () => {
    const { page } = await openPage(h, '/verlauf?version=2.0&asOf=2022-06-30');
    await page.getByTestId('timeline-chart').locator('svg.recharts-surface').first().waitFor();
    const panel = page.locator('section[aria-labelledby="timeline-chart-title"]');

    const csv = await download(page, panel.getByRole('link', { name: 'Tabelle als CSV für Excel herunterladen' }));
    expect(csv.name).toBe('zielmonitor-verlauf-2.0-2022-06-30.csv');
    const [header, ...rows] = excelRows(csv.body);
    expect(header?.slice(0, 5)).toEqual(['Stichtag', 'Ressort', 'Wessen Einschätzung', 'Ziele', 'unbekannt']);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['30.06.2022', 'alle Ressorts', 'Landesregierung']);
    // The same counts as the table on the page, row for row.
    await panel.getByText('Als Tabelle', { exact: true }).click();
    const table = panel.locator('table');
    const columns = await table.locator('thead th').allTextContents();
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    // Each status column of the page (its own order) against the CSV's column of that name.
    for (const [c, status] of columns.entries()) {
      if (c === 0) continue;
      const csvColumn = header?.indexOf(status) ?? -1;
      expect(csvColumn).toBeGreaterThan(3);
      expect(rows.map((r) => r[csvColumn])).toEqual(shown.map((r) => r[c]));
    }

    const svg = await chartFiles(page, panel, 'zielmonitor-verlauf-2.0-2022-06-30');
    expect(svg).toContain('>Entwicklung über die Zeit – 2.0 · Landesregierung (eigene Meldungen)</text>');
    expect(svg).toContain('>in Umsetzung</text>');
    expect(svg).toContain('Digitalstrategie 2.0 · Stand: 30.06.2022 · Abdeckung:');
    expect(svg).toMatch(
      /Quelle: Zielmonitor.* · http:\/\/127\.0\.0\.1:\d+\/verlauf\?.*version=2\.0&amp;asOf=2022-06-30/,
    );

    // One Ressort's small chart: its own table and files, named for screen readers.
    const multiple = page.locator('figure.multiple').filter({ hasText: 'MWIDE' });
    await multiple.locator('svg.recharts-surface').first().waitFor();
    await multiple.locator('summary').click();
    const ressortCsv = await download(page, multiple.getByRole('link', { name: /Tabelle als CSV.*\(MWIDE\)/ }));
    expect(ressortCsv.name).toBe('zielmonitor-verlauf-2.0-MWIDE-2022-06-30.csv');
    expect(excelRows(ressortCsv.body)[1]?.[1]).toBe('MWIDE');
    const small = await chartFiles(page, multiple, 'zielmonitor-verlauf-2.0-MWIDE-2022-06-30');
    expect(small).toContain('>Entwicklung über die Zeit – 2.0 – MWIDE · Landesregierung (eigene Meldungen)</text>');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an indicator: the chart as SVG and PNG with its lines as legend; its readings as CSV for Excel', async () => {
    const { page } = await openPage(h, '/kennzahlen/schulen-glasfaser?asOf=2022-12-31');
    const chart = page.getByTestId('indicator-chart');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg.recharts-surface').first().waitFor();
    const name = (await page.locator('h1').textContent()) ?? '';
    const svg = await chartFiles(page, page.locator('main'), 'zielmonitor-kennzahl-schulen-glasfaser-2022-12-31');
    expect(svg).toContain(`>Messwerte und geplanter Pfad: ${name.replace(/&/g, '&amp;')}</text>`);
    expect(svg).toContain('>Plan (gestrichelt)</text>');
    expect(svg).toContain('>Meldungen der Landesregierung</text>');
    expect(svg).toMatch(/Stand: 31\.12\.2022 · \d+ Messwerte?</);
    expect(svg).toMatch(/Quelle: Zielmonitor.* · http:\/\/127\.0\.0\.1:\d+\/kennzahlen\/schulen-glasfaser\?/);

    const csv = await download(page, page.getByRole('link', { name: 'Messwerte als CSV (Excel)' }));
    const [header, ...rows] = excelRows(csv.body);
    expect(header).toContain('Plan zum Stichtag');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[1] === 'schulen-glasfaser')).toBe(true);
    // Decimal comma where a value has decimals.
    expect(rows.map((r) => r[4] ?? '').every((v) => !v.includes('.'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('44 → 78: the flows as CSV for Excel, the Sankey as SVG and PNG with legend, date, coverage and source', async () => {
    const { page } = await openPage(h, '/44-zu-78');
    await page.getByTestId('lineage-sankey').locator('svg.recharts-surface').first().waitFor();
    const panel = page.locator('section[aria-labelledby="sankey-title"]');

    const csv = await download(page, panel.getByRole('link', { name: 'Tabelle als CSV für Excel herunterladen' }));
    expect(csv.name).toBe('zielmonitor-44-zu-78-1.0-2.0.csv');
    const [header, ...rows] = excelRows(csv.body);
    expect(header?.slice(0, 4)).toEqual(['von', 'nach', 'Zahl der Ziele', 'Ziele']);
    const shown = await page
      .getByTestId('lineage-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent)));
    expect(rows.map((r) => r.slice(0, 3))).toEqual(shown);

    const svg = await chartFiles(page, panel, 'zielmonitor-44-zu-78-1.0-2.0');
    expect(svg).toContain('>Ströme von 1.0 nach 2.0 · Landesregierung (eigene Meldungen)</text>');
    expect(svg).toContain('Strom: seine Breite ist die Zahl der Ziele</text>');
    expect(svg).toMatch(/Stand: 19\.11\.2021 · Digitalstrategie 1\.0: Abdeckung: \d+ von 44 Zielen/);
    expect(svg).toMatch(/Quelle: Zielmonitor.* · http:\/\/127\.0\.0\.1:\d+\/44-zu-78\?version=2\.0/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
