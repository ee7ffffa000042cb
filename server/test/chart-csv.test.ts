import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '@zielmonitor/shared/schemas/common';
import type { LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import type { TimelineResponse } from '@zielmonitor/shared/schemas/timeline';
import { lineageFlowsIn } from '@zielmonitor/shared/lineage/flows';
import { parseCsv } from '../src/lib/csv.ts';
import { createTestApp, errorOf, type TestApp } from './helper.ts';

describe('the data tables of the Verlauf and the 44 → 78 chart as CSV for German Excel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the Verlauf: one row per period end with the counts of the chart, stamped', async () => {
    const query = 'version=2.0&interval=quarter&to=2022-06-30&ressort=MWIDE';
    const timeline = (await t.app.inject({ url: `/api/stats/timeline?${query}` })).json<TimelineResponse>();
    const res = await t.app.inject({ url: `/api/export/timeline.csv?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="zielmonitor-verlauf-2.0-MWIDE-2022-06-30.csv"',
    );
    expect(res.body.startsWith('\uFEFFStichtag;Ressort;Wessen Einschätzung;Ziele;unbekannt;')).toBe(true);
    expect(res.body).toContain('\r\n');
    const [, ...rows] = parseCsv(res.body);
    expect(rows.length).toBe(timeline.points.length);
    expect(rows.length).toBeGreaterThan(1);
    for (const [i, point] of timeline.points.entries()) {
      const row = rows[i] ?? [];
      expect(row[0]).toBe(point.date.split('-').reverse().join('.'));
      expect(row.slice(1, 4)).toEqual(['MWIDE', 'Landesregierung', String(point.total)]);
      expect(row.slice(4, 4 + STATUSES.length)).toEqual(STATUSES.map((s) => String(point.byStatus[s])));
      expect(row.at(-2)).toMatch(/^Zielmonitor · Digitalstrategie 2\.0 · .* · Stand 30\.06\.2022 · Kenntnisstand/);
      expect(row.at(-1)).toMatch(/^http:\/\/\S+\/verlauf\?.*version=2\.0.*asOf=2022-06-30/);
    }
  });

  it('the 44 → 78 chart: one row per flow with its goals, in the words of the page', async () => {
    const lineage = (await t.app.inject({ url: '/api/lineage' })).json<LineageResponse>();
    const flows = lineageFlowsIn(lineage, 'de').flows;
    const res = await t.app.inject({ url: '/api/export/lineage.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="zielmonitor-44-zu-78-1.0-2.0.csv"');
    const [header, ...rows] = parseCsv(res.body);
    expect(header?.slice(0, 4)).toEqual(['von', 'nach', 'Zahl der Ziele', 'Ziele']);
    expect(rows.map((r) => r.slice(0, 3))).toEqual(flows.map((f) => [f.from, f.to, String(f.goals.length)]));
    expect(rows.some((r) => r[0] === '1.0: fortgeführt' && r[1] === 'in 2.0 weitergeführt')).toBe(true);
    expect(rows[0]?.at(-2)).toMatch(/^Zielmonitor · Digitalstrategie 2\.0 · .* · Stand 19\.11\.2021/);
  });

  it('refuses an unknown interval and an unknown version with a 400 naming the field', async () => {
    const interval = await t.app.inject({ url: '/api/export/timeline.csv?version=2.0&interval=week' });
    expect(interval.statusCode).toBe(400);
    expect(errorOf(interval).issues?.[0]?.field).toBe('interval');
    const version = await t.app.inject({ url: '/api/export/lineage.csv?to=3.0' });
    expect(version.statusCode).toBe(400);
    expect(errorOf(version).issues?.[0]?.field).toBe('version');
  });
});
