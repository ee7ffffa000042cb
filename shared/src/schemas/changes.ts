import { z } from 'zod';
import { GoalId, IsoDate, RessortCode, Status, Track, VersionKey } from './common.ts';
import { KnownAt, PointInTimeEcho } from './point-in-time.ts';
import { ChangeKind, StatusEvent } from './status-event.ts';
import { Reply } from './reply.ts';

export const ChangesQuery = z.strictObject({
  since: IsoDate,
  until: IsoDate.optional(),
  version: VersionKey.optional(),
  ressort: RessortCode.optional(),
  track: Track.optional(),
  /** Only what had been recorded by then: backdated corrections show up later. */
  knownAt: KnownAt.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;
export type ChangesQueryInput = z.input<typeof ChangesQuery>;

/**
 * One change to the record: a report that took effect or was entered in the window, or the
 * withdrawal of one. A report counts in the window when it became effective in it, or when it was
 * entered in it for an earlier date (a late report or a correction).
 */
export const Change = z.object({
  goalId: GoalId,
  goalTitle: z.string(),
  version: VersionKey,
  ressort: z.string().nullable(),
  kind: ChangeKind,
  /** The status the track had before; null when this is its first report. */
  from: Status.nullable(),
  /** The status the track has after the change (for a withdrawal: the one it falls back to). */
  to: Status,
  track: Track,
  /** When the change entered the record. */
  recordedAt: z.string(),
  /** Who made the change (for a withdrawal: who withdrew). */
  reporter: z.string(),
  /** Why, for a correction or withdrawal. */
  reason: z.string().nullable(),
  /** The report; for a withdrawal, the report withdrawn. */
  event: StatusEvent,
});
export type Change = z.infer<typeof Change>;

export const ChangesResponse = z.object({
  since: IsoDate,
  until: IsoDate,
  items: z.array(Change),
  /** True when more changes than `limit` fall in the window. */
  truncated: z.boolean(),
  /** The replies (Stellungnahmen) in force to the reports listed, oldest first: shown beside what they answer. */
  replies: z.array(Reply),
  at: PointInTimeEcho,
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const FeedQuery = z.strictObject({ ressort: RessortCode.optional() });
