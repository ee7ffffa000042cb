import { z } from 'zod';
import { IsoDate } from './common.ts';

export const SnapshotId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,100}$/, {
  error: 'Snapshot-ID aus Kleinbuchstaben, Ziffern und Bindestrichen erwartet',
});

/** An instant as the API writes it: `2026-11-30T14:03:12.345Z` (UTC, milliseconds optional). */
export const IsoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, {
    error: 'Zeitpunkt im Format JJJJ-MM-TTThh:mm:ssZ erwartet',
  })
  .refine((value) => !Number.isNaN(new Date(value).getTime()) && IsoDate.safeParse(value.slice(0, 10)).success, {
    error: 'Diesen Zeitpunkt gibt es nicht',
  });

/**
 * What the record had been told: a day (everything recorded by its end, Berlin time) or an
 * instant (everything recorded up to it — what a citable link pins).
 */
export const KnownAt = z.string().superRefine((value, ctx) => {
  // A day or an instant, told apart by length: each with its own message, not both.
  const parsed = (value.length <= 10 ? IsoDate : IsoInstant).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
  }
});

/**
 * Query parameters every status-reporting endpoint accepts: `asOf` answers as the record
 * stood on that date (by effective date), `knownAt` with what the system had been told by
 * then (by recorded date), `snapshot` as a frozen snapshot saw it.
 */
export const PointInTimeQuery = {
  asOf: IsoDate.optional(),
  knownAt: KnownAt.optional(),
  snapshot: SnapshotId.optional(),
};

export const SnapshotRef = z.object({
  id: SnapshotId,
  title: z.string(),
  createdAt: z.string(),
  contentHash: z.string(),
});
export type SnapshotRef = z.infer<typeof SnapshotRef>;

/** The point in time an answer was computed for; null asOf/knownAt mean "now". */
export const PointInTimeEcho = z.object({
  asOf: IsoDate.nullable(),
  knownAt: z.string().nullable(),
  snapshot: SnapshotRef.nullable(),
  /**
   * Everything recorded up to this instant is in the answer, nothing after it: knownAt when one
   * was asked for, else when the latest report, correction or withdrawal was entered. A citable
   * link pins it as knownAt.
   */
  recordedUntil: z.string(),
  /**
   * Only when knownAt or a snapshot pins the knowledge: how many goals of the answer have another
   * status today for the same date, because reports were entered or corrected later.
   */
  changedSince: z.number().int().nonnegative().nullable(),
});
export type PointInTimeEcho = z.infer<typeof PointInTimeEcho>;
