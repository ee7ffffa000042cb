import { SaxesParser } from 'saxes';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/** The Atom feeds of one goal and one indicator, read back with saxes, a conformant XML parser. */
let t: TestApp;
let spd: Account;
let ctrlA: Account;
let goalA = '';

type Entry = { id: string; title: string; summary: string; link: string };
/** The feed's entries, or the parser's complaints: a feed reader sees exactly this. */
function readFeed(xml: string): { root: string; entries: Entry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: Entry[] = [];
  const path: string[] = [];
  let root = '';
  let current: Entry | null = null;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => problems.push(err.message));
  parser.on('opentag', (tag) => {
    if (path.length === 0) root = `${tag.uri} ${tag.local}`;
    path.push(tag.local);
    if (tag.local === 'entry') current = { id: '', title: '', summary: '', link: '' };
    if (tag.local === 'link' && current) current.link = tag.attributes.href?.value ?? '';
  });
  parser.on('text', (text) => {
    const field = path.at(-1);
    if (current && (field === 'id' || field === 'title' || field === 'summary')) current[field] += text;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    if (tag.local === 'entry' && current) {
      entries.push(current);
      current = null;
    }
  });
  parser.write(xml).close();
  return { root, entries, problems };
}

beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false });
  [spd, ctrlA] = await Promise.all([
    createAccount(t, {
      email: 'spd@landtag.example',
      name: 'Sara S',
      role: 'assessor',
      ressorts: [],
      organisation: 'SPD-Fraktion',
    }),
    createAccount(t, { email: 'a@mhkbd.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MHKBD'] }),
  ]);
  goalA =
    (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>().items[0]?.id ??
    '';
  const revision = (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>().revision;
  const assessed = await t.app.inject({
    method: 'POST',
    url: `/api/goals/${goalA}/status`,
    headers: { ...sameOrigin, cookie: spd.cookie },
    payload: {
      status: 'missed',
      effectiveDate: '2021-11-01',
      note: 'Frist verstrichen <b>fett</b> & "zitiert"',
      evidence: { reference: 'Drs. 17/1' },
      expectedRevision: revision,
      track: 'independent',
    },
  });
  expect(assessed.statusCode, assessed.body).toBe(201);
  const replied = await t.app.inject({
    method: 'POST',
    url: `/api/goals/${goalA}/status/${assessed.json<StatusUpdateResponse>().event.id}/replies`,
    headers: { ...sameOrigin, cookie: ctrlA.cookie },
    payload: {
      text: 'Das Portal ist seit März in Betrieb, siehe Pressemitteilung.',
      evidence: { reference: 'PM 12/2022' },
    },
  });
  expect(replied.statusCode, replied.body).toBe(201);
}, 120_000);
afterAll(() => t.close());

describe('per-goal and per-indicator Atom feeds', () => {
  it('lists a goal’s reports of both tracks and the replies to them, well-formed, markup as text', async () => {
    const res = await t.app.inject({ url: `/api/feeds/goals/${goalA}.atom` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = readFeed(res.body);
    expect(feed.problems).toEqual([]);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
    const titles = feed.entries.map((e) => e.title).join('\n');
    const summaries = feed.entries.map((e) => e.summary).join('\n');
    expect(titles).toContain('(unabhängige Einschätzungen)');
    expect(titles).toContain('Stellungnahme von Ressort MHKBD');
    expect(summaries).toContain('eingetragen von SPD-Fraktion');
    expect(summaries).toContain('Frist verstrichen <b>fett</b> & "zitiert"');
    expect(summaries).toContain('Das Portal ist seit März in Betrieb');
    expect(feed.entries.every((e) => e.link.startsWith('http://localhost'))).toBe(true);
  });

  it('lists an indicator’s readings', async () => {
    const res = await t.app.inject({ url: '/api/feeds/indicators/schulen-gigabit.atom' });
    expect(res.statusCode).toBe(200);
    const feed = readFeed(res.body);
    expect(feed.problems).toEqual([]);
    expect(feed.entries.length).toBeGreaterThan(0);
  });

  it('answers an unknown goal or indicator with 404 in the error shape, a malformed id with 400', async () => {
    const missing = await t.app.inject({ url: '/api/feeds/goals/v1-99.atom' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorResponse>().error.code).toBe('NOT_FOUND');
    expect((await t.app.inject({ url: '/api/feeds/indicators/gibt-es-nicht.atom' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/feeds/goals/DROP%20TABLE.atom' })).statusCode).toBe(400);
  });
});
