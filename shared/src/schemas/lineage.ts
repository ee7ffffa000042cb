import { z } from 'zod';
import { GoalId, SourceRef, Track, VersionKey } from './common.ts';
import { LineageType } from './goal.ts';
import { PointInTimeEcho } from './point-in-time.ts';

export const FATES = [
  'continued',
  'sharpened',
  'loosened',
  'split',
  'merged',
  'replaced',
  'achieved_and_ended',
  'dropped_unfulfilled',
  'unknown',
] as const;
export const Fate = z.enum(FATES);
export type Fate = z.infer<typeof Fate>;

export const ORIGINS = ['new', 'derived', 'unknown'] as const;
export const Origin = z.enum(ORIGINS);
export type Origin = z.infer<typeof Origin>;

export const LineageQuery = z.strictObject({
  from: VersionKey.default('1.0'),
  to: VersionKey.default('2.0'),
  /** Whose status decides "achieved and ended" for a goal without successor. */
  track: Track.default('official'),
});
export type LineageQueryInput = z.input<typeof LineageQuery>;

const LinkedGoal = z.object({
  goalId: GoalId,
  title: z.string(),
  type: LineageType,
  certainty: z.enum(['documented', 'probable']),
});

export const GoalFate = z.object({
  goalId: GoalId,
  title: z.string(),
  ressort: z.string().nullable(),
  fate: Fate,
  /** Why this fate: the link's basis, or the status that decided it. */
  basis: z.string().nullable(),
  successors: z.array(LinkedGoal),
  sources: z.array(SourceRef),
});
export type GoalFate = z.infer<typeof GoalFate>;

export const GoalOriginEntry = z.object({
  goalId: GoalId,
  title: z.string(),
  ressort: z.string().nullable(),
  origin: Origin,
  certainty: z.enum(['documented', 'probable', 'unknown']),
  basis: z.string().nullable(),
  predecessors: z.array(LinkedGoal),
});
export type GoalOriginEntry = z.infer<typeof GoalOriginEntry>;

const VersionCounts = z.object({
  key: VersionKey,
  title: z.string(),
  declaredGoalCount: z.number().int(),
  documentedGoalCount: z.number().int(),
});

export const LineageResponse = z.object({
  from: VersionCounts,
  to: VersionCounts,
  track: Track,
  fates: z.array(GoalFate),
  origins: z.array(GoalOriginEntry),
  totals: z.object({ fates: z.record(Fate, z.number().int()), origins: z.record(Origin, z.number().int()) }),
  /** Fates are judged by the status as it stood when the new version was presented. */
  at: PointInTimeEcho,
});
export type LineageResponse = z.infer<typeof LineageResponse>;
