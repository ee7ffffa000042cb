import { z } from 'zod';
import { DatePrecision, GoalId, IsoDate, Status, Track } from './common.ts';

export const Evidence = z.object({
  url: z.string().nullable(),
  reference: z.string().nullable(),
});

export const StatusEvent = z.object({
  id: z.number().int(),
  goalId: GoalId,
  status: Status,
  progress: z.number().int().min(0).max(100).nullable(),
  effectiveDate: IsoDate,
  effectiveDatePrecision: DatePrecision,
  effectiveDateWording: z.string().nullable(),
  recordedAt: z.string(),
  reporter: z.string(),
  track: Track,
  originalWording: z.string().nullable(),
  note: z.string().nullable(),
  evidence: Evidence,
  sourceId: z.string().nullable(),
});
export type StatusEvent = z.infer<typeof StatusEvent>;
