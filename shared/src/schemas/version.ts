import { z } from 'zod';
import { GoalId, IsoDate, SourceRef, VersionKey } from './common.ts';

/**
 * An open question about the official count that the data does not settle, e.g. two documented
 * entries that may be one goal of the declared number. Shown wherever coverage is stated.
 */
export const CountingQuestion = z.object({
  id: z.string(),
  goalIds: z.array(GoalId),
  question: z.string(),
  /** The source's own words the question rests on. */
  wording: z.string().nullable(),
  status: z.enum(['open', 'settled']),
  sources: z.array(SourceRef),
});
export type CountingQuestion = z.infer<typeof CountingQuestion>;

export const StrategyVersion = z.object({
  key: VersionKey,
  title: z.string(),
  presentedOn: IsoDate,
  declaredGoalCount: z.number().int().nonnegative(),
  documentedGoalCount: z.number().int().nonnegative(),
  countingQuestions: z.array(CountingQuestion),
});
export type StrategyVersion = z.infer<typeof StrategyVersion>;

export const VersionsResponse = z.array(StrategyVersion);
export type VersionsResponse = z.infer<typeof VersionsResponse>;
