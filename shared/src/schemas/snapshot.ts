import { z } from 'zod';
import { SnapshotId, SnapshotRef } from './point-in-time.ts';
import { GoalSummary } from './goal.ts';
import { RessortStat } from './stats.ts';

export const CreateSnapshotBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(3, { error: 'Bitte einen Namen mit mindestens 3 Zeichen angeben' })
    .max(120, { error: 'Höchstens 120 Zeichen' }),
});
export type CreateSnapshotBody = z.infer<typeof CreateSnapshotBody>;

export const SnapshotParams = z.strictObject({ id: SnapshotId });

/** What a snapshot freezes, per version: both tracks' figures and every goal's status. */
export const SnapshotPayload = z.object({
  asOf: z.string(),
  knownAt: z.string(),
  versions: z.array(
    z.object({
      key: z.string(),
      declaredGoalCount: z.number().int(),
      documentedGoalCount: z.number().int(),
      official: z.array(RessortStat),
      independent: z.array(RessortStat),
      goals: z.array(GoalSummary),
    }),
  ),
});
export type SnapshotPayload = z.infer<typeof SnapshotPayload>;

export const SnapshotSummary = SnapshotRef.extend({ asOf: z.string(), url: z.string() });
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

export const SnapshotDetail = SnapshotSummary.extend({ payload: SnapshotPayload });
export type SnapshotDetail = z.infer<typeof SnapshotDetail>;

export const SnapshotsResponse = z.object({ items: z.array(SnapshotSummary) });
