import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import { emptyByStatus } from '@zielmonitor/shared/schemas/stats';
import type { Status, Track } from '@zielmonitor/shared/schemas/common';
import type { CountingRule } from '@zielmonitor/shared/schemas/counting-rule';
import type { DueStat } from '@zielmonitor/shared/schemas/stats';
import { referenceDate } from './goals.ts';

type DueRow = DueStat;
import { compareRessorts, UNKNOWN_RESSORT } from '@zielmonitor/shared/vocabulary/ressort-order';
import type { Db } from '../db/database.ts';
import { NOW, statusOnTrack, withStatus, type Cutoff } from './current-status-sql.ts';

export type RessortStatusCount = { ressort: string | null; ressortName: string | null; status: Status; goals: number };

/**
 * Pure post-processing of the per-Ressort counts: one item per Ressort that has goals
 * (those with none achieved included), goals without a Ressort as `unknown`, sorted by
 * fulfilment rate, then by size, so the Ressorts with zero goals met come last.
 */
export function shapeRessortStats(rows: RessortStatusCount[]): RessortStat[] {
  const byRessort = new Map<string, RessortStat>();
  for (const row of rows) {
    const key = row.ressort ?? UNKNOWN_RESSORT;
    const stat = byRessort.get(key) ?? {
      ressort: key,
      ressortName: row.ressortName,
      total: 0,
      byStatus: emptyByStatus(),
      achieved: 0,
      fulfilmentRate: 0,
    };
    stat.total += row.goals;
    stat.byStatus[row.status] += row.goals;
    byRessort.set(key, stat);
  }
  return [...byRessort.values()]
    .map((stat) => {
      const achieved = stat.byStatus.achieved;
      return { ...stat, achieved, fulfilmentRate: stat.total === 0 ? 0 : achieved / stat.total };
    })
    .sort(compareRessorts);
}

export function createStatsRepository(db: Db) {
  // The all-goals rule needs no due dates: the lean form is the hot path of the overview.
  // Ressort names are joined to the groups, not to every goal.
  const countStatement = (dueDate: boolean) =>
    db.prepare<
      [Cutoff & { version: string; track: Track; rule: CountingRule; reference: string }],
      RessortStatusCount
    >(`
    SELECT counts.ressort, r.name AS ressortName, counts.status, counts.goals
    FROM (
      SELECT c.lead_ressort AS ressort, c.status AS status, count(*) AS goals
      FROM (${statusOnTrack('g.version_key = @version', { dueDate })}) c
      WHERE @rule = 'all_goals'
        OR (@rule = 'short_term' AND c.horizon = 'short')
        OR (@rule = 'due_by_date' AND c.effective_due_date <= @reference)
      GROUP BY 1, 2) counts
    LEFT JOIN ressorts r ON r.code = counts.ressort`);
  const countAllGoals = countStatement(false);
  const countByRule = countStatement(true);
  const dueCounts = db.prepare<[{ version: string; end: string; asOf: string; knownAt: string }], DueRow>(`
    SELECT coalesce(c.lead_ressort, 'unknown') AS ressort, r.name AS ressortName, count(*) AS total,
      coalesce(sum(c.effective_due_date <= @end), 0) AS dueInPeriod,
      coalesce(sum(c.effective_due_date <= @end AND c.status = 'achieved'), 0) AS achievedInPeriod,
      coalesce(sum(c.effective_due_date > @end), 0) AS dueAfterPeriod,
      coalesce(sum(c.effective_due_date IS NULL), 0) AS noDueDate
    FROM (${withStatus('g.version_key = @version')}) c
    LEFT JOIN ressorts r ON r.code = c.lead_ressort
    GROUP BY 1 ORDER BY c.lead_ressort IS NULL, dueInPeriod DESC, 1`);

  const ruleCounts = db.prepare<
    [{ version: string; reference: string }],
    { all_goals: number; short_term: number | null; due_by_date: number | null }
  >(`SELECT count(*) AS all_goals, sum(c.horizon = 'short') AS short_term,
      sum(c.effective_due_date <= @reference) AS due_by_date
    FROM (SELECT g.horizon, coalesce(g.due_date, CASE g.horizon
        WHEN 'short' THEN date(v.presented_on, '+' || v.short_years || ' years')
        WHEN 'medium' THEN date(v.presented_on, '+' || v.medium_years || ' years') END) AS effective_due_date
      FROM goals g JOIN strategy_versions v ON v.key = g.version_key WHERE g.version_key = @version) c`);

  return {
    /** How many documented goals each counting rule covers: the basis of every figure under it. */
    ruleCounts: (version: string, asOf: string): Record<CountingRule, number> => {
      const row = ruleCounts.get({ version, reference: referenceDate(asOf) });
      return {
        all_goals: row?.all_goals ?? 0,
        short_term: row?.short_term ?? 0,
        due_by_date: row?.due_by_date ?? 0,
      };
    },
    ressortStats: (version: string, track: Track, at: Cutoff = NOW, rule: CountingRule = 'all_goals'): RessortStat[] =>
      shapeRessortStats(
        (rule === 'all_goals' ? countAllGoals : countByRule).all({
          version,
          track,
          ...at,
          rule,
          reference: referenceDate(at.asOf),
        }),
      ),
    /** Per Ressort: goals due within a period (status as of its last day), due after it, or without a due date. */
    dueByPeriod: (version: string, end: string): DueStat[] =>
      dueCounts.all({ version, end, asOf: end, knownAt: NOW.knownAt }),
  };
}
