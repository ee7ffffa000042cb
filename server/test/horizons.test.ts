import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFate } from '../src/services/lineage.ts';
import type { z } from 'zod';
import { GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import { LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import { DueResponse, RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { createTestApp, issueFields, type TestApp } from './helper.ts';

describe('deriveFate', () => {
  const link = (fromGoalId: string, toGoalId: string, type: 'continued' | 'sharpened' | 'loosened' = 'continued') => ({
    fromGoalId,
    toGoalId,
    type,
    certainty: 'documented' as const,
    basis: null,
  });
  it('gives every goal exactly one fate', () => {
    const links = [
      link('a', 'x', 'sharpened'),
      link('b', 'y'),
      link('b', 'z'),
      link('c', 'w'),
      link('d', 'w'),
      link('e', 'v', 'loosened'),
    ];
    expect(deriveFate('a', links, 'unknown')).toBe('sharpened');
    expect(deriveFate('b', links, 'achieved')).toBe('split');
    expect(deriveFate('c', links, 'unknown')).toBe('merged');
    expect(deriveFate('e', links, 'unknown')).toBe('loosened');
    expect(deriveFate('f', links, 'achieved')).toBe('achieved_and_ended');
    expect(deriveFate('g', links, 'dropped')).toBe('dropped_unfulfilled');
    expect(deriveFate('h', links, 'in_progress')).toBe('unknown');
  });
});

describe('horizons, deadlines, counting rules and lineage on a controlled strategy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    t.app.db.exec(`
      INSERT INTO sources (id, title) VALUES ('S1', 'Testquelle');
      INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count, short_years, medium_years)
        VALUES ('1.0', 'Eins', '2019-04-10', 10, 2, 5), ('2.0', 'Zwei', '2021-11-19', 12, 2, 5);
      INSERT INTO legislative_periods (key, name, starts_on, ends_on) VALUES ('17', '17. WP', '2017-06-01', '2022-05-31');
      INSERT INTO ressorts (code, name) VALUES ('AA', 'Amt A'), ('BB', 'Amt B');
      INSERT INTO goals (id, version_key, title, lead_ressort, horizon, due_date, confidence_goal, confidence_ressort, confidence_status, search_text) VALUES
        ('k1', '1.0', 'Kurz erreicht', 'AA', 'short', NULL, 'high', 'high', 'high', 'k1'),
        ('k2', '1.0', 'Kurz offen', 'AA', 'short', NULL, 'high', 'high', 'high', 'k2'),
        ('m1', '1.0', 'Mittel', 'BB', 'medium', NULL, 'high', 'high', 'high', 'm1'),
        ('e1', '1.0', 'Explizit', 'BB', 'unknown', '2020-12-31', 'high', 'high', 'high', 'e1'),
        ('n1', '1.0', 'Ohne Frist', NULL, 'unknown', NULL, 'high', 'high', 'high', 'n1'),
        ('z1', '2.0', 'Nachfolger', 'BB', 'medium', NULL, 'high', 'high', 'high', 'z1'),
        ('z2', '2.0', 'Neu', 'AA', 'long', NULL, 'high', 'high', 'high', 'z2');
      UPDATE goals SET origin_type = 'new', origin_certainty = 'documented' WHERE id = 'z2';
      INSERT INTO lineage_links (from_goal_id, to_goal_id, type, certainty, basis) VALUES ('m1', 'z1', 'loosened', 'documented', 'Frist entfällt');
      INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track, source_id) VALUES
        ('k1', 'achieved', '2020-06-01', '2020-06-01T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('e1', 'achieved', '2021-03-01', '2021-03-01T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('k2', 'dropped', '2021-06-01', '2021-06-01T00:00:00Z', 'Landesregierung', 'official', 'S1');
    `);
  });
  afterAll(() => t.close());
  /** A 200 answer, read through the response schema the route declares. */
  const get = async <S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return schema.parse(res.json());
  };

  it('derives due dates from the horizon and marks them as derived', async () => {
    const goals = Object.fromEntries((await get('/api/goals?version=1.0', GoalsResponse)).items.map((g) => [g.id, g]));
    expect(goals.k2).toMatchObject({ effectiveDueDate: '2021-04-10', dueDateSource: 'horizon', dueDate: null });
    expect(goals.m1).toMatchObject({ effectiveDueDate: '2024-04-10', dueDateSource: 'horizon' });
    expect(goals.e1).toMatchObject({ effectiveDueDate: '2020-12-31', dueDateSource: 'explicit' });
    expect(goals.n1).toMatchObject({ effectiveDueDate: null, dueDateSource: null, overdue: false });
  });

  it('calls a goal overdue when due and not achieved, as of the chosen date', async () => {
    const overdue = (await get('/api/goals?version=1.0&overdue=true&asOf=2021-12-31', GoalsResponse)).items.map(
      (g) => g.id,
    );
    expect(overdue).toEqual(['k2']);
    expect(
      (await get('/api/goals?version=1.0&overdue=true&asOf=2021-01-01', GoalsResponse)).items.map((g) => g.id),
    ).toEqual(['e1']);
  });

  it('counts under the chosen rule and says which', async () => {
    const all = await get('/api/stats/ressorts?version=1.0&asOf=2021-12-31', RessortStatsResponse);
    expect(all.rule).toBe('all_goals');
    expect(all.items.map((i) => [i.ressort, i.achieved, i.total])).toEqual([
      ['AA', 1, 2],
      ['BB', 1, 2],
      ['unknown', 0, 1],
    ]);
    const short = await get('/api/stats/ressorts?version=1.0&asOf=2021-12-31&rule=short_term', RessortStatsResponse);
    expect(short.items.map((i) => [i.ressort, i.total])).toEqual([['AA', 2]]);
    const due = await get('/api/stats/ressorts?version=1.0&asOf=2021-12-31&rule=due_by_date', RessortStatsResponse);
    expect(due.referenceDate).toBe('2021-12-31');
    expect(due.items.map((i) => [i.ressort, i.achieved, i.total])).toEqual([
      ['BB', 1, 1],
      ['AA', 1, 2],
    ]);
  });

  it('answers per Ressort what falls due within a legislative period', async () => {
    const body = await get('/api/stats/due?version=1.0&period=17', DueResponse);
    expect(body.period).toMatchObject({ key: '17', endsOn: '2022-05-31' });
    expect(body.items).toEqual([
      {
        ressort: 'AA',
        ressortName: 'Amt A',
        total: 2,
        dueInPeriod: 2,
        achievedInPeriod: 1,
        dueAfterPeriod: 0,
        noDueDate: 0,
      },
      {
        ressort: 'BB',
        ressortName: 'Amt B',
        total: 2,
        dueInPeriod: 1,
        achievedInPeriod: 1,
        dueAfterPeriod: 1,
        noDueDate: 0,
      },
      {
        ressort: 'unknown',
        ressortName: null,
        total: 1,
        dueInPeriod: 0,
        achievedInPeriod: 0,
        dueAfterPeriod: 0,
        noDueDate: 1,
      },
    ]);
    expect(issueFields(await t.app.inject({ url: '/api/stats/due?version=1.0&period=99' }))[0]).toBe('period');
  });

  it('gives every 1.0 goal one fate and every 2.0 goal an origin, and the totals add up', async () => {
    const body = await get('/api/lineage?from=1.0&to=2.0', LineageResponse);
    const fates = Object.fromEntries(body.fates.map((f) => [f.goalId, f.fate]));
    expect(fates).toEqual({
      e1: 'achieved_and_ended',
      k1: 'achieved_and_ended',
      k2: 'dropped_unfulfilled',
      m1: 'loosened',
      n1: 'unknown',
    });
    expect(Object.values(body.totals.fates).reduce((a, b) => a + b, 0)).toBe(5);
    expect(body.origins.map((o) => [o.goalId, o.origin])).toEqual([
      ['z1', 'derived'],
      ['z2', 'new'],
    ]);
    expect(body.fates.find((f) => f.goalId === 'm1')?.successors).toEqual([
      { goalId: 'z1', title: 'Nachfolger', type: 'loosened', certainty: 'documented' },
    ]);
    expect(body.from).toMatchObject({ declaredGoalCount: 10, documentedGoalCount: 5 });
  });
});
