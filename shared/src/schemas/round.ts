import { z } from 'zod';
import { GoalId, IsoDate, RessortCode, Status, VersionKey } from './common.ts';

export const CreateRoundBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3, { error: 'Bitte einen Namen mit mindestens 3 Zeichen angeben' })
    .max(120, { error: 'Höchstens 120 Zeichen' }),
  version: VersionKey,
  /** Reports released from this day on count for the round; today when left out. */
  opensOn: IsoDate.optional(),
  dueOn: IsoDate,
  ressorts: z.array(RessortCode).min(1, { error: 'Mindestens ein Ressort auswählen' }).max(40),
});
export type CreateRoundBody = z.infer<typeof CreateRoundBody>;

export const RoundParams = z.strictObject({
  id: z.coerce.number({ error: 'Nummer erwartet' }).int().positive({ error: 'Nummer erwartet' }),
});

/** Where one goal of a round stands. */
export const ROUND_GOAL_STATES = ['reported', 'reported_late', 'pending', 'missing'] as const;
export const RoundGoalState = z.enum(ROUND_GOAL_STATES);

export const RoundGoal = z.object({
  goalId: GoalId,
  title: z.string(),
  state: RoundGoalState,
  /** When the report that counts for the round entered the public record. */
  reportedAt: z.string().nullable(),
  status: Status,
  /** The goal's responsibility is not settled: every successor Ressort may report. */
  unsettled: z.boolean(),
});
export type RoundGoal = z.infer<typeof RoundGoal>;

export const RoundRessort = z.object({
  ressort: RessortCode,
  ressortName: z.string().nullable(),
  goals: z.array(RoundGoal),
  reported: z.number().int(),
  pending: z.number().int(),
  missing: z.number().int(),
  complete: z.boolean(),
  /** The day after the due date, when goals were still missing or pending then. */
  overdueSince: IsoDate.nullable(),
});
export type RoundRessort = z.infer<typeof RoundRessort>;

export const RoundSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  version: VersionKey,
  opensOn: IsoDate,
  dueOn: IsoDate,
  ressortCodes: z.array(RessortCode),
  closedAt: z.string().nullable(),
  /** The snapshot a closed round was frozen as. */
  snapshotId: z.string().nullable(),
  goals: z.number().int(),
  reported: z.number().int(),
  completeRessorts: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundDetail = RoundSummary.extend({
  ressorts: z.array(RoundRessort),
  /** Goals of the version that no Ressort is responsible for: not part of any Ressort's duty. */
  withoutRessort: z.number().int(),
  /** The day the figures are for (today, or the day the round was closed). */
  asOf: IsoDate,
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const RoundsResponse = z.object({ items: z.array(RoundSummary) });
export type RoundsResponse = z.infer<typeof RoundsResponse>;
