import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyByStatus, type RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { shapeRessortStats } from '../src/repositories/stats.ts';
import { createTestApp, type TestApp, anyText } from './helper.ts';

describe('shapeRessortStats', () => {
  it('keeps Ressorts with zero goals achieved, puts unknown last and computes rates', () => {
    const stats = shapeRessortStats([
      { ressort: 'AA', ressortName: 'Amt A', status: 'achieved', goals: 1 },
      { ressort: 'AA', ressortName: 'Amt A', status: 'missed', goals: 3 },
      { ressort: null, ressortName: null, status: 'achieved', goals: 2 },
      { ressort: 'BB', ressortName: 'Amt B', status: 'in_progress', goals: 5 },
      { ressort: 'CC', ressortName: 'Amt C', status: 'achieved', goals: 1 },
    ]);
    expect(stats.map((s) => [s.ressort, s.total, s.achieved, s.fulfilmentRate])).toEqual([
      ['CC', 1, 1, 1],
      ['AA', 4, 1, 0.25],
      ['BB', 5, 0, 0],
      ['unknown', 2, 2, 1],
    ]);
    expect(stats[1]?.byStatus).toEqual({ ...emptyByStatus(), achieved: 1, missed: 3 });
  });

  it('returns nothing for a version without goals', () => {
    expect(shapeRessortStats([])).toEqual([]);
  });
});

describe('GET /api/stats/ressorts on a controlled history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    t.app.db.exec(`
      INSERT INTO sources (id, title) VALUES ('S1', 'Testquelle');
      INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'Teststrategie', '2019-04-10', 9);
      INSERT INTO ressorts (code, name) VALUES ('AA', 'Amt A'), ('BB', 'Amt B'), ('CC', 'Amt C'), ('DD', 'Amt ohne Ziele');
      INSERT INTO goals (id, version_key, title, lead_ressort, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
      VALUES ('g1', '1.0', 'Eins', 'AA', 'short', 'high', 'high', 'high', 'eins'),
             ('g2', '1.0', 'Zwei', 'AA', 'short', 'high', 'high', 'high', 'zwei'),
             ('g3', '1.0', 'Drei', 'BB', 'medium', 'high', 'high', 'high', 'drei'),
             ('g4', '1.0', 'Vier', 'BB', 'long', 'high', 'high', 'high', 'vier'),
             ('g5', '1.0', 'Fünf', NULL, 'unknown', 'high', 'unknown', 'high', 'fuenf'),
             ('g6', '1.0', 'Sechs', 'CC', 'unknown', 'high', 'high', 'high', 'sechs');
      INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track, source_id) VALUES
        ('g1', 'achieved',    '2020-01-01', '2020-01-02T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('g2', 'in_progress', '2020-01-01', '2020-01-02T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('g2', 'achieved',    '2021-06-01', '2021-06-02T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('g3', 'achieved',    '2021-01-01', '2021-01-02T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        -- entered later, effective earlier: the later effective date still wins
        ('g3', 'missed',      '2020-06-01', '2022-01-01T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('g4', 'achieved',    '2021-01-01', '2021-01-02T00:00:00Z', 'SPD-Fraktion', 'independent', 'S1'),
        ('g5', 'missed',      '2021-01-01', '2021-01-02T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('g6', 'planned',     '2021-01-01', '2021-01-02T00:00:00Z', 'Landesregierung', 'official', 'S1'),
        ('g6', 'missed',      '2021-03-01', '2021-03-02T00:00:00Z', 'Grüne', 'independent', 'S1');
    `);
  });
  afterAll(() => t.close());

  const stat = (ressort: string, ressortName: string | null, total: number, counts: Record<string, number>) => {
    const byStatus = { ...emptyByStatus(), ...counts };
    const achieved = byStatus.achieved;
    return { ressort, ressortName, total, byStatus, achieved, fulfilmentRate: achieved / total };
  };

  it('counts the latest official event per goal by effective date, never the independent track', async () => {
    const res = await t.app.inject({ url: '/api/stats/ressorts?version=1.0' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      version: '1.0',
      track: 'official',
      rule: 'all_goals',
      referenceDate: todayInBerlin(),
      declaredGoalCount: 9,
      documentedGoalCount: 6,
      items: [
        stat('AA', 'Amt A', 2, { achieved: 2 }),
        stat('BB', 'Amt B', 2, { achieved: 1, unknown: 1 }),
        stat('CC', 'Amt C', 1, { planned: 1 }),
        stat('unknown', null, 1, { missed: 1 }),
      ],
      at: { asOf: null, knownAt: null, snapshot: null, recordedUntil: anyText, changedSince: null },
      ruleCounts: { all_goals: 6, short_term: 2, due_by_date: 0 },
    });
  });

  it('counts the independent track on its own when asked', async () => {
    const res = await t.app.inject({ url: '/api/stats/ressorts?version=1.0&track=independent' });
    expect(res.statusCode).toBe(200);
    expect(res.json<RessortStatsResponse>().items).toEqual([
      stat('BB', 'Amt B', 2, { achieved: 1, unknown: 1 }),
      stat('AA', 'Amt A', 2, { unknown: 2 }),
      stat('CC', 'Amt C', 1, { missed: 1 }),
      stat('unknown', null, 1, { unknown: 1 }),
    ]);
  });

  it('lists the goals behind a figure with the same status', async () => {
    const res = await t.app.inject({ url: '/api/goals?version=1.0&ressort=BB&status=achieved' });
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: 'g3', status: 'achieved' }] });
    const unknown = await t.app.inject({ url: '/api/goals?version=1.0&ressort=unknown' });
    expect(unknown.json()).toMatchObject({ total: 1, items: [{ id: 'g5', leadRessort: null, status: 'missed' }] });
  });
});
