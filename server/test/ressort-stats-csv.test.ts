import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '@zielmonitor/shared/schemas/common';
import { parseCsv } from '../src/lib/csv.ts';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { createTestApp, errorOf, type TestApp } from './helper.ts';

describe('GET /api/export/ressort-stats.csv: the per-Ressort table for German Excel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has the figures of the overview, in German, with the stamp and the citable link', async () => {
    const query = 'version=2.0&asOf=2022-06-30&track=official&rule=all_goals';
    const stats = (await t.app.inject({ url: `/api/stats/ressorts?${query}` })).json<RessortStatsResponse>();
    const res = await t.app.inject({ url: `/api/export/ressort-stats.csv?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="zielmonitor-ressorts-2.0-2022-06-30.csv"');
    expect(res.body.startsWith('\uFEFFRessort;Ressort (Name);Ziele;unbekannt;')).toBe(true);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toContain('Erfüllungsquote (%)');
    expect(rows.length).toBe(stats.items.length);
    for (const [i, item] of stats.items.entries()) {
      const row = rows[i] ?? [];
      expect(row[0]).toBe(item.ressort === 'unknown' ? 'Ressort nicht belegt' : item.ressort);
      expect(row[2]).toBe(String(item.total));
      expect(row.slice(3, 3 + STATUSES.length)).toEqual(STATUSES.map((s) => String(item.byStatus[s])));
      expect(row[3 + STATUSES.length]).toBe((Math.round(item.fulfilmentRate * 1000) / 10).toString().replace('.', ','));
      expect(row.slice(-4, -2)).toEqual(['Landesregierung', 'alle Ziele']);
      expect(row.at(-2)).toMatch(/^Zielmonitor · Digitalstrategie 2\.0 · .* · Stand 30\.06\.2022 · Kenntnisstand/);
      expect(row.at(-1)).toMatch(/^http:\/\/\S+\/\?.*version=2\.0.*asOf=2022-06-30/);
    }
  });

  it('refuses an unknown counting rule with a German 400 naming the field', async () => {
    const res = await t.app.inject({ url: '/api/export/ressort-stats.csv?version=1.0&rule=most' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([
      { location: 'query', field: 'rule', message: 'ist keiner der zulässigen Werte' },
    ]);
  });
});
