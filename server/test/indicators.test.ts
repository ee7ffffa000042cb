import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIV3 } from 'openapi-types';
import { countingDay } from '@zielmonitor/shared/time/partial-date';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { IndicatorDetail, IndicatorsResponse } from '@zielmonitor/shared/schemas/indicator';
import { createTestApp, seed, type TestApp, issueFields } from './helper.ts';

type SeedIndicator = (typeof seed.indicators)[number];

let t: TestApp;
const get = (url: string) => t.app.inject({ url });
const seedReadings = seed.indicatorReadings;
const seedIndicators = seed.indicators;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('indicators in the seed', () => {
  it('holds every indicator and reading once, each reading with its source', () => {
    const count = (sql: string) => Number(t.app.db.prepare(sql).pluck().get());
    expect(count('SELECT count(*) FROM indicators')).toBe(seedIndicators.length);
    expect(count('SELECT count(*) FROM indicator_readings')).toBe(seedReadings.length);
    expect(count('SELECT count(*) FROM indicator_readings WHERE source_id IS NULL')).toBe(0);
    expect(count('SELECT count(*) FROM indicator_targets WHERE source_id IS NULL')).toBe(0);
    expect(count('SELECT count(*) FROM indicators WHERE id NOT IN (SELECT indicator_id FROM indicator_goals)')).toBe(0);
  });

  it('stores a month or a year as the day it counts from, with its precision', () => {
    const row = t.app.db
      .prepare(
        "SELECT date, date_precision FROM indicator_readings WHERE source_id = 'S62' AND indicator_id = 'schulen-glasfaser'",
      )
      .get();
    expect(row).toEqual({ date: '2020-07-31', date_precision: 'month' });
  });

  it('knows a reading from the date of its source, not from the date it describes', () => {
    // The Rheinische Post reported in August 2023 that 15 % of school buildings had fibre in 2018.
    const row = t.app.db
      .prepare("SELECT date, recorded_at FROM indicator_readings WHERE source_id = 'N21' AND value = 15")
      .get();
    expect(row).toEqual({ date: '2018-12-31', recorded_at: '2023-08-31T00:00:00.000Z' });
  });
});

describe('GET /api/indicators', () => {
  it('lists every indicator with its goals, baseline, target and a rating per track', async () => {
    const res = await get('/api/indicators');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<IndicatorsResponse>();
    expect(items.map((i) => i.id).sort()).toEqual(seedIndicators.map((i) => i.id).sort());
    for (const item of items) {
      const detail = (await get(`/api/indicators/${item.id}`)).json<IndicatorDetail>();
      expect(detail.readingsTotal, item.id).toBe(seedReadings.filter((r) => r.indicatorId === item.id).length);
      expect(detail.readings, item.id).toHaveLength(detail.readingsTotal);
    }
  });

  it.each([
    ['goal=v1-13', (i: SeedIndicator) => i.goals.some((g) => g.goalId === 'v1-13')],
    ['version=2.0', (i: SeedIndicator) => i.goals.some((g) => g.goalId.startsWith('v2-'))],
  ])('filters by %s', async (query, keep) => {
    const { items } = (await get(`/api/indicators?${query}`)).json<IndicatorsResponse>();
    expect(items.map((i) => i.id).sort()).toEqual(
      seedIndicators
        .filter(keep)
        .map((i) => i.id)
        .sort(),
    );
  });

  it('filters by Ressort, with unknown for indicators of goals no source attributes', async () => {
    const goals = (await get('/api/goals?limit=500')).json<GoalsResponse>().items;
    const lead = new Map(goals.map((g) => [g.id, g.leadRessort]));
    for (const ressort of ['MWIDE', 'MAGS', 'unknown']) {
      const { items } = (await get(`/api/indicators?ressort=${ressort}`)).json<IndicatorsResponse>();
      const expected = seedIndicators
        .filter((i) => i.goals.some((g) => (lead.get(g.goalId) ?? 'unknown') === ressort))
        .map((i) => i.id);
      expect(items.map((i) => i.id).sort(), ressort).toEqual(expected.sort());
    }
  });

  it.each([
    ['version=9.9', 'version'],
    ['ressort=XYZ', 'ressort'],
    ['goal=v9-99', 'goal'],
    ['goal=NICHT%20OK', 'goal'],
    ['asOf=2021-02-30', 'asOf'],
    ['farbe=blau', 'farbe'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const res = await get(`/api/indicators?${query}`);
    expect(res.statusCode).toBe(400);
    expect(issueFields(res)).toContain(field);
  });
});

describe('GET /api/indicators/:id', () => {
  it('rates each reading against the path on its own date and keeps contradicting readings side by side', async () => {
    const body = (await get('/api/indicators/schulen-glasfaser')).json<IndicatorDetail>();
    expect(body.path.map((p) => [p.kind, p.date, p.value])).toEqual([
      ['baseline', '2019-02-28', 16],
      ['interim', '2020-12-31', 60],
      ['target', '2022-12-31', 100],
    ]);
    const byDate = new Map(body.readings.map((r) => [`${r.date} ${r.value}`, r]));
    // The SPD's 28 % in July 2020 against a path at 50 %: 22 percentage points behind.
    expect(byDate.get('2020-07-31 28')?.rating.state).toBe('behind');
    expect(byDate.get('2020-07-31 28')?.rating.planned).toBeCloseTo(16 + (44 * 519) / 672, 6);
    // The Greens said 42 % (2021) and 12 % (2022, "vor dem Gebäude"): both stand.
    expect(byDate.get('2021-12-31 42')?.track).toBe('independent');
    expect(byDate.get('2022-12-31 12')?.track).toBe('independent');
    expect(byDate.get('2022-12-31 12')?.valueWording).toContain('vor dem Gebäude');
    expect(body.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['N10', 'S62', 'S26', 'S34']));
    expect(body.canReport).toBe(false);
  });

  it('rates the latest reading of each track as of a date; no reading in 24 months is not assessable', async () => {
    const asOf = (await get('/api/indicators/schulen-glasfaser?asOf=2020-12-31')).json<IndicatorDetail>();
    expect(asOf.rating.independent).toMatchObject({ state: 'behind', reading: { value: 28 } });
    expect(asOf.rating.official).toMatchObject({ state: 'on_track', reading: { value: 16, date: '2019-02-28' } });
    const now = (await get('/api/indicators/schulen-glasfaser')).json<IndicatorDetail>();
    expect(now.rating.official).toMatchObject({ state: 'not_assessable', reason: 'stale' });
  });

  it('rates a reading exactly on the path as on track', async () => {
    const body = (await get('/api/indicators/wsp-dienstleistungen?asOf=2022-06-30')).json<IndicatorDetail>();
    expect(body.rating.official).toMatchObject({ state: 'on_track', aheadBy: 0, reading: { value: 70 } });
  });

  it('says "not assessable" without a baseline or a target', async () => {
    for (const id of ['gewerbegebiete-glasfaser', 'schulen-gigabit-oder-bald', 'flaeche-5g']) {
      const body = (await get(`/api/indicators/${id}`)).json<IndicatorDetail>();
      expect(body.path, id).toEqual([]);
      for (const r of body.readings) expect(r.rating.reason, id).toBe('no_plan');
    }
  });

  it('shows with knownAt only what had been told by then', async () => {
    const before = (await get('/api/indicators/schulen-glasfaser?knownAt=2023-08-30')).json<IndicatorDetail>();
    const after = (await get('/api/indicators/schulen-glasfaser?knownAt=2023-08-31')).json<IndicatorDetail>();
    const n21 = (b: IndicatorDetail) => b.readings.filter((r) => r.source?.id === 'N21');
    expect(n21(before)).toHaveLength(0);
    expect(n21(after)).toHaveLength(1);
  });

  it('gives the newest readings up to a limit, and how many there are', async () => {
    const body = (await get('/api/indicators/schulen-glasfaser?limit=2')).json<IndicatorDetail>();
    expect(body.readingsTotal).toBe(5);
    expect(body.readings.map((r) => r.date)).toEqual(['2022-12-31', '2021-12-31']);
    expect((await get('/api/indicators/schulen-glasfaser?limit=0')).statusCode).toBe(400);
  });

  it('answers an unknown indicator with 404 and a malformed id with 400', async () => {
    expect((await get('/api/indicators/gibt-es-nicht')).statusCode).toBe(404);
    expect((await get('/api/indicators/NICHT_OK')).statusCode).toBe(400);
  });
});

describe("a goal's Terminlage", () => {
  it('is part of the goal API beside the status, per track', async () => {
    const now = (await get('/api/goals/v1-13')).json<GoalDetail>();
    expect(now.schedule).toEqual({
      official: { state: 'deadline_passed', reason: 'deadline_passed' },
      independent: { state: 'deadline_passed', reason: 'deadline_passed' },
    });
    // Mid-2022 the government's gigabit figure was on its path, the opposition's fibre figures behind.
    const mid2022 = (await get('/api/goals/v1-13?asOf=2022-06-30')).json<GoalDetail>();
    expect(mid2022.schedule).toEqual({
      official: { state: 'on_schedule', reason: 'indicators_on_track' },
      independent: { state: 'delayed', reason: 'indicator_behind' },
    });
    const list = (await get('/api/goals?asOf=2022-06-30&version=1.0&limit=500')).json<GoalsResponse>();
    expect(list.items.find((g) => g.id === 'v1-13')?.schedule).toEqual(mid2022.schedule);
  });

  it('without a due date or indicators is not assessable', async () => {
    const goal = (await get('/api/goals/v1-26')).json<GoalDetail>();
    expect(goal.schedule?.official).toEqual({ state: 'not_assessable', reason: 'no_due_date' });
  });
});

describe('seed dates', () => {
  it('every reading counts from the last day of its stated month or year', () => {
    const rows = t.app.db.prepare('SELECT date FROM indicator_readings ORDER BY id').pluck().all();
    expect(rows).toEqual(seedReadings.map((r) => countingDay(r.date)));
  });
});

describe('the history of readings', () => {
  it('refuses to change or delete a reading or a supersession: the history is append-only', () => {
    const db = new Database(t.databasePath);
    db.prepare(
      "INSERT INTO indicator_reading_supersessions (superseded_reading_id, kind, reason, recorded_at) VALUES (1, 'withdrawal', 'Probe', '2020-01-01T00:00:00.000Z')",
    ).run();
    expect(() => db.prepare('UPDATE indicator_readings SET value = 99').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM indicator_readings').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM indicator_reading_supersessions').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE indicator_reading_supersessions SET reason = 'x'").run()).toThrow(/append-only/);
    db.close();
  });
});

describe('OpenAPI', () => {
  it('describes the indicator routes with their answers', async () => {
    const spec = (await get('/api/openapi.json')).json<OpenAPIV3.Document>();
    for (const path of [
      '/api/indicators',
      '/api/indicators/{id}',
      '/api/indicators/{id}/readings',
      '/api/indicators/{id}/readings/{readingId}/supersede',
      '/api/export/indicator-readings.csv',
      '/api/import/indicator-readings',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const report = spec.paths['/api/indicators/{id}/readings']?.post;
    expect(Object.keys(report?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409']),
    );
    const parameters = spec.paths['/api/indicators']?.get?.parameters ?? [];
    expect(parameters.flatMap((p) => ('name' in p ? [p.name] : []))).toEqual(
      expect.arrayContaining(['version', 'ressort', 'goal', 'asOf', 'knownAt']),
    );
  });
});
