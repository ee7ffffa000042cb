import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicTextLeaks } from '@zielmonitor/shared/vocabulary/public-text';
import { parseCsv } from '../src/lib/csv.ts';
import { createAccount, createTestApp, type Account, type TestApp } from './helper.ts';

/** The text of an Atom feed a reader sees: element text with the markup and the addresses taken out. */
const feedText = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/(?:https?:\/\/|tag:|urn:)\S+/g, '');

const FEEDS = [
  '/api/feeds/changes.atom',
  '/api/feeds/changes.atom?ressort=MWIDE',
  '/api/feeds/goals/v1-13.atom',
  '/api/feeds/indicators/schulen-glasfaser.atom',
];

const CSVS = [
  '/api/export/goals.csv?version=1.0',
  '/api/export/goals.csv?version=2.0',
  '/api/export/status-events.csv?version=2.0',
  '/api/export/changes.csv?since=2019-01-01',
  '/api/export/ressort-stats.csv?version=2.0&asOf=2022-06-30',
  '/api/export/timeline.csv?version=2.0&interval=quarter',
  '/api/export/lineage.csv',
  '/api/export/indicator-readings.csv',
  '/api/export/audit.csv',
];

describe('feeds and exports speak the German of the pages (the glossary, no internal words)', () => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(FEEDS)('%s: titles, summaries and contents', async (url) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('<entry>');
    expect(publicTextLeaks(url, feedText(res.body))).toEqual([]);
  });

  it.each(CSVS)('%s: the header row and the words in the cells', async (url) => {
    const res = await t.app.inject({ url, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const [header = [], ...rows] = parseCsv(res.body);
    expect(header.length).toBeGreaterThan(2);
    expect(publicTextLeaks(`${url} header`, header.join('\n'))).toEqual([]);
    // Cells: ids, dates and addresses are data; the words around them are the product's.
    const cells = rows.flatMap((row) => row.filter((cell) => !/^(?:https?:\/\/|[\w.-]+$)/.test(cell)));
    expect(publicTextLeaks(url, cells.join('\n'))).toEqual([]);
  });
});
