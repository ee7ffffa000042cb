import { z } from 'zod';
import { STATUSES, Status, Track, VersionKey } from './common.ts';
import { PointInTimeEcho, PointInTimeQuery } from './point-in-time.ts';
import { CountingRule } from './counting-rule.ts';
import { singleLineText } from './text.ts';

export const StatsQuery = z.strictObject({
  version: VersionKey,
  /** Whose assessment to count: the government's (default) or the independent ones. */
  track: Track.default('official'),
  /** Which goals the figures count over; see COUNTING_RULE_TEXT. */
  rule: CountingRule.default('all_goals'),
  ...PointInTimeQuery,
});
export type StatsQuery = z.infer<typeof StatsQuery>;
export type StatsQueryInput = z.input<typeof StatsQuery>;

export const ByStatus = z.record(Status, z.number().int().nonnegative());
export type ByStatus = z.infer<typeof ByStatus>;

export const emptyByStatus = (): ByStatus => Object.fromEntries(STATUSES.map((status) => [status, 0])) as ByStatus;

export const RessortStat = z.object({
  /** Ressort code, or `unknown` for goals no source attributes to a Ressort. */
  ressort: z.string(),
  ressortName: z.string().nullable(),
  total: z.number().int().nonnegative(),
  byStatus: ByStatus,
  achieved: z.number().int().nonnegative(),
  /** achieved / total, between 0 and 1. */
  fulfilmentRate: z.number().min(0).max(1),
});
export type RessortStat = z.infer<typeof RessortStat>;

export const RessortStatsResponse = z.object({
  version: VersionKey,
  track: Track,
  rule: CountingRule,
  /** The date "due" is judged against under the due_by_date rule. */
  referenceDate: z.string(),
  declaredGoalCount: z.number().int().nonnegative(),
  documentedGoalCount: z.number().int().nonnegative(),
  /** How many documented goals each counting rule covers at this point in time: its basis. */
  ruleCounts: z.record(CountingRule, z.number().int().nonnegative()),
  items: z.array(RessortStat),
  at: PointInTimeEcho,
});
export type RessortStatsResponse = z.infer<typeof RessortStatsResponse>;

export const DueQuery = z.strictObject({ version: VersionKey, period: singleLineText().min(1).max(20) });
export type DueQueryInput = z.input<typeof DueQuery>;

export const LegislativePeriod = z.object({
  key: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type LegislativePeriod = z.infer<typeof LegislativePeriod>;
export const LegislativePeriodsResponse = z.array(LegislativePeriod);

export const DueStat = z.object({
  ressort: z.string(),
  ressortName: z.string().nullable(),
  total: z.number().int(),
  /** Due on or before the period's last day. */
  dueInPeriod: z.number().int(),
  /** Of those, achieved by the period's last day (official track). */
  achievedInPeriod: z.number().int(),
  dueAfterPeriod: z.number().int(),
  noDueDate: z.number().int(),
});
export type DueStat = z.infer<typeof DueStat>;

export const DueResponse = z.object({ version: VersionKey, period: LegislativePeriod, items: z.array(DueStat) });
export type DueResponse = z.infer<typeof DueResponse>;
