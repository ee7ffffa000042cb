import { z } from 'zod';
import { IsoDate, VersionKey } from './common.ts';

export const StrategyVersion = z.object({
  key: VersionKey,
  title: z.string(),
  presentedOn: IsoDate,
  declaredGoalCount: z.number().int().nonnegative(),
  documentedGoalCount: z.number().int().nonnegative(),
});
export type StrategyVersion = z.infer<typeof StrategyVersion>;

export const VersionsResponse = z.array(StrategyVersion);
export type VersionsResponse = z.infer<typeof VersionsResponse>;
