import { z } from 'zod';
import { STATUSES, Status, Track, VersionKey } from './common.ts';
import { PointInTime, PointInTimeQuery } from './point-in-time.ts';

export const StatsQuery = z.strictObject({
  version: VersionKey,
  /** Whose assessment to count: the government's (default) or the independent ones. */
  track: Track.default('official'),
  ...PointInTimeQuery,
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const ByStatus = z.record(Status, z.number().int().nonnegative());
export type ByStatus = z.infer<typeof ByStatus>;

export const emptyByStatus = (): ByStatus =>
  Object.fromEntries(STATUSES.map((status) => [status, 0])) as ByStatus;

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
  declaredGoalCount: z.number().int().nonnegative(),
  documentedGoalCount: z.number().int().nonnegative(),
  items: z.array(RessortStat),
  at: PointInTime,
});
export type RessortStatsResponse = z.infer<typeof RessortStatsResponse>;
