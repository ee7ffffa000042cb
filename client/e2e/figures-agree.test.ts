import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type Status, type Track } from '@zielmonitor/shared/schemas/common';
import type { GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { COUNTING_RULES } from '@zielmonitor/shared/vocabulary/counting-rules';
import { startServer, type ServerProcess } from '../../scripts/lib/server-process.ts';
import { ruleFilters } from '../src/lib/rule-filters.ts';
import { headline, headlineFigures, toRessortRows, zeroAchievementRessorts } from '../src/lib/shape-ressort-stats.ts';

/**
 * Figures agree with each other, for every version × track × counting rule × date of the seed
 * history: each key figure is the sum of the table cells it summarises, and equals what the goal
 * list of the API counts; the zero-goal panel lists exactly the Ressorts whose row shows 0 achieved.
 * The dashboard's own shaping functions against the real server.
 */
describe('figures agree with each other', () => {
  let server: ServerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-figures-'));
    server = await startServer({ databasePath: path.join(dir, 'figures.sqlite') });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  // Thousands of requests back to back: on a busy machine the server may answer 503 with Retry-After
  // (its overload guard), and this client waits and asks again as the answer says, up to three times.
  const get = async <T>(url: string, attempt = 1): Promise<T> => {
    const res = await fetch(`${server.url}${url}`);
    const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
    if (res.status === 503 && attempt < 4 && Number.isFinite(retryAfter)) {
      await res.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      return get<T>(url, attempt + 1);
    }
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  it('headline = table = API, and the zero-goal panel = the rows with 0 achieved, at every date of the history', async () => {
    const versions = await get<{ key: string; presentedOn: string }[]>('/api/versions');
    const changes = await get<{ items: { event: { effectiveDate: string } }[] }>(
      '/api/changes?since=2015-01-01&limit=1000',
    );
    // Every day a report took effect, the day before it, each presentation, and today.
    const days = new Set<string>(['2019-01-01', ...versions.map((v) => v.presentedOn)]);
    for (const { event } of changes.items) {
      days.add(event.effectiveDate);
      days.add(new Date(Date.parse(`${event.effectiveDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    }
    let combinations = 0;
    for (const version of versions.map((v) => v.key)) {
      for (const track of ['official', 'independent'] satisfies Track[]) {
        for (const rule of COUNTING_RULES) {
          for (const asOf of [...days, undefined]) {
            const at = asOf ? `&asOf=${asOf}` : '';
            const stats = await get<RessortStatsResponse>(
              `/api/stats/ressorts?version=${version}&track=${track}&rule=${rule}${at}`,
            );
            const where = `${version} ${track} ${rule} ${asOf ?? 'heute'}`;
            const rows = toRessortRows(stats.items, 'ohne Ressort');
            const basis = headline(stats.items).total;
            // Headline against table: each figure is its column's sum; the basis is the rule's count.
            for (const { status, goals } of headlineFigures(stats.items)) {
              expect(goals, `${where}: ${status}`).toBe(rows.reduce((n, row) => n + row[status], 0));
            }
            expect(
              rows.reduce((n, row) => n + row.total, 0),
              where,
            ).toBe(basis);
            expect(stats.ruleCounts[rule], where).toBe(basis);
            // Against the API's goal list with the drill-down filters of the rule.
            const filters = new URLSearchParams(
              Object.entries(ruleFilters(rule, stats.referenceDate)).flatMap(([k, v]) =>
                v === undefined ? [] : [[k, v]],
              ),
            ).toString();
            const list = await get<GoalsResponse>(`/api/goals?version=${version}&limit=500${at}&${filters}`);
            expect(list.total, where).toBe(basis);
            const counted = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
            for (const goal of list.items) {
              counted[track === 'official' ? goal.status : (goal.independent?.status ?? 'unknown')] += 1;
            }
            const shown = Object.fromEntries(headlineFigures(stats.items).map((f) => [f.status, f.goals]));
            for (const status of STATUSES) {
              expect(shown[status] ?? 0, `${where}: ${status} (API)`).toBe(counted[status]);
            }
            // The zero-goal panel lists exactly the Ressorts whose row shows 0 achieved.
            expect(
              zeroAchievementRessorts(stats.items)
                .map((r) => r.ressort)
                .sort(),
              where,
            ).toEqual(
              rows
                .filter((row) => row.code !== 'unknown' && row.total > 0 && row.achieved === 0)
                .map((row) => row.code)
                .sort(),
            );
            combinations += 1;
          }
        }
      }
    }
    expect(combinations).toBeGreaterThan(100);
  }, 120_000);
});
