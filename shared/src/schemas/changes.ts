import { z } from 'zod';
import { GoalId, IsoDate, RessortCode, Status, Track, VersionKey } from './common.ts';
import { StatusEvent } from './status-event.ts';

export const ChangesQuery = z.strictObject({
  since: IsoDate,
  until: IsoDate.optional(),
  version: VersionKey.optional(),
  ressort: RessortCode.optional(),
  track: Track.optional(),
  /** Only what had been recorded by the end of this day: backdated corrections show up later. */
  knownAt: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;
export type ChangesQueryInput = z.input<typeof ChangesQuery>;

export const Change = z.object({
  goalId: GoalId,
  goalTitle: z.string(),
  version: VersionKey,
  ressort: z.string().nullable(),
  /** The status this track reported before; null when this is its first report. */
  from: Status.nullable(),
  to: Status,
  event: StatusEvent,
});
export type Change = z.infer<typeof Change>;

export const ChangesResponse = z.object({
  since: IsoDate,
  until: IsoDate,
  items: z.array(Change),
  /** True when more changes than `limit` fall in the window. */
  truncated: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const FeedQuery = z.strictObject({ ressort: RessortCode.optional() });
