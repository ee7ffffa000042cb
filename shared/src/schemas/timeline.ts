import { z } from 'zod';
import { IsoDate, RessortCode, Track, VersionKey } from './common.ts';
import { ByStatus } from './stats.ts';
import { KnownAt, PointInTimeEcho, SnapshotId } from './point-in-time.ts';

export const TimelineQuery = z.strictObject({
  version: VersionKey,
  ressort: RessortCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  interval: z.enum(['month', 'quarter']).default('month'),
  track: Track.default('official'),
  knownAt: KnownAt.optional(),
  snapshot: SnapshotId.optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;
export type TimelineQueryInput = z.input<typeof TimelineQuery>;

export const TimelinePoint = z.object({
  /** The period's last day (or `to`): counts are as of this date. */
  date: IsoDate,
  total: z.number().int().nonnegative(),
  byStatus: ByStatus,
});
export type TimelinePoint = z.infer<typeof TimelinePoint>;

export const TimelineResponse = z.object({
  version: VersionKey,
  ressort: z.string().nullable(),
  track: Track,
  interval: z.enum(['month', 'quarter']),
  from: IsoDate,
  to: IsoDate,
  points: z.array(TimelinePoint),
  at: PointInTimeEcho,
});
export type TimelineResponse = z.infer<typeof TimelineResponse>;
