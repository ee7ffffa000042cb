import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesResponse } from '@zielmonitor/shared/schemas/changes';
import { createTestApp, errorOf, issueFields, type TestApp } from './helper.ts';

/** /api/changes, its CSV and its Atom feed read the same changes through the same filters. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const feedEventIds = (xml: string) =>
  [...xml.matchAll(/<id>[^<]*\/api\/status-events\/(\d+)<\/id>/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

describe('the Ressort filter of the changes feed', () => {
  it.each(['unknown', 'MWIDE'])(
    'lists for ressort=%s exactly the official changes /api/changes lists',
    async (ressort) => {
      const listed = (
        await t.app.inject({ url: `/api/changes?since=1990-01-01&track=official&ressort=${ressort}&limit=50` })
      ).json<ChangesResponse>();
      expect(listed.items.length).toBeGreaterThan(0);
      const feed = await t.app.inject({ url: `/api/feeds/changes.atom?ressort=${ressort}` });
      expect(feed.statusCode).toBe(200);
      expect(feedEventIds(feed.body)).toEqual(listed.items.map((c) => c.event.id).sort((a, b) => a - b));
    },
  );
});

describe('the window of the changes CSV', () => {
  it('refuses a start after the end exactly as /api/changes does, naming since', async () => {
    const url = 'since=2022-01-01&until=2021-01-01';
    const json = await t.app.inject({ url: `/api/changes?${url}` });
    const csv = await t.app.inject({ url: `/api/export/changes.csv?${url}` });
    expect(csv.statusCode).toBe(400);
    expect(json.statusCode).toBe(400);
    expect(errorOf(csv)).toEqual(errorOf(json));
    expect(issueFields(csv)).toEqual(['since']);
  });
});
