import { z } from 'zod';
import { IsoDate, Track, VersionKey } from './common.ts';
import { SnapshotId, SnapshotRef } from './point-in-time.ts';
import { GoalSummary } from './goal.ts';
import { RessortStat } from './stats.ts';
import { CountingRule } from './counting-rule.ts';
import { RoundDetail } from './round.ts';
import { SNAPSHOT_VIEW_KEYS } from '../vocabulary/view-keys.ts';
import { singleLineText } from './text.ts';

/** The pages a snapshot can be taken of; it opens again on the same page. */
export const SnapshotPath = z
  .string()
  .regex(
    /^\/(ziele(\/[a-z0-9][a-z0-9-]{0,63})?|verlauf|aenderungen|44-zu-78|sitzung|ressorts\/[A-Za-z]{2,12}|runden\/\d{1,9})?$/,
    {
      error: 'Diese Seite lässt sich nicht einfrieren',
    },
  );

export const SnapshotView = z.strictObject({
  path: SnapshotPath,
  params: z.partialRecord(z.enum(SNAPSHOT_VIEW_KEYS), singleLineText().max(200, { error: 'Höchstens 200 Zeichen' })),
});
export type SnapshotView = z.infer<typeof SnapshotView>;

export const CreateSnapshotBody = z.strictObject({
  /** Optional: without one, the snapshot is named after its view and date. */
  title: singleLineText()
    .trim()
    .min(3, { error: 'Bitte einen Namen mit mindestens 3 Zeichen angeben' })
    .max(120, { error: 'Höchstens 120 Zeichen' })
    .optional(),
  view: SnapshotView,
});
export type CreateSnapshotBody = z.infer<typeof CreateSnapshotBody>;

export const SnapshotParams = z.strictObject({ id: SnapshotId });

/** What a snapshot freezes: its view and the figures that view shows, as of its date. */
export const ViewSnapshotPayload = z.object({
  view: SnapshotView,
  asOf: IsoDate,
  version: z.object({
    key: VersionKey,
    title: z.string(),
    declaredGoalCount: z.number().int(),
    documentedGoalCount: z.number().int(),
  }),
  track: Track,
  rule: CountingRule,
  stats: z.array(RessortStat),
  goals: z.array(GoalSummary),
  /** A reporting round's page: where every Ressort stood when the round was closed. */
  round: RoundDetail.optional(),
});
export type ViewSnapshotPayload = z.infer<typeof ViewSnapshotPayload>;

/** Snapshots made before views could be frozen: every version's figures on both tracks. */
export const LegacySnapshotPayload = z.object({
  asOf: z.string(),
  knownAt: z.string(),
  versions: z.array(z.object({ key: z.string() }).loose()),
});

export const SnapshotPayload = z.union([ViewSnapshotPayload, LegacySnapshotPayload]);
export type SnapshotPayload = z.infer<typeof SnapshotPayload>;

export const SnapshotSummary = SnapshotRef.extend({
  asOf: z.string(),
  /** The page it was taken of, with its view and the snapshot pinned. */
  url: z.string(),
  view: SnapshotView.nullable(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

export const CreateSnapshotResponse = SnapshotSummary.extend({
  /** False when the same content had been frozen before: that snapshot is returned. */
  created: z.boolean(),
});
export type CreateSnapshotResponse = z.infer<typeof CreateSnapshotResponse>;

export const SnapshotDetail = SnapshotSummary.extend({ payload: SnapshotPayload });
export type SnapshotDetail = z.infer<typeof SnapshotDetail>;

export const SnapshotsResponse = z.object({ items: z.array(SnapshotSummary) });
export type SnapshotsResponse = z.infer<typeof SnapshotsResponse>;
