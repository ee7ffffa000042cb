import { z } from 'zod';
import { IsoDate } from './common.ts';

export const SnapshotId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,100}$/, {
  error: 'Snapshot-ID aus Kleinbuchstaben, Ziffern und Bindestrichen erwartet',
});

/**
 * Query parameters every status-reporting endpoint accepts: `asOf` answers as the record
 * stood on that date (by effective date), `knownAt` with what the system had been told by
 * the end of that day (by recorded date), `snapshot` as a frozen snapshot saw it.
 */
export const PointInTimeQuery = {
  asOf: IsoDate.optional(),
  knownAt: IsoDate.optional(),
  snapshot: SnapshotId.optional(),
};

export const SnapshotRef = z.object({
  id: SnapshotId,
  title: z.string(),
  createdAt: z.string(),
  contentHash: z.string(),
});
export type SnapshotRef = z.infer<typeof SnapshotRef>;

/** The point in time an answer was computed for; null fields mean "now". */
export const PointInTimeEcho = z.object({
  asOf: IsoDate.nullable(),
  knownAt: z.string().nullable(),
  snapshot: SnapshotRef.nullable(),
});
export type PointInTimeEcho = z.infer<typeof PointInTimeEcho>;
