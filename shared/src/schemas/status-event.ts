import { z } from 'zod';
import { DatePrecision, GoalId, IsoDate, Status, Track } from './common.ts';
import { CHANGE_KINDS } from '../vocabulary/change-kinds.ts';

export const Evidence = z.object({
  url: z.string().nullable(),
  reference: z.string().nullable(),
});

export const ChangeKind = z.enum(CHANGE_KINDS);
/** The kinds a report itself can be; a withdrawal is not a report but the end of one. */
export const ReportKind = ChangeKind.exclude(['withdrawal']);

/** How a report was superseded: corrected by a new report, or withdrawn without one. */
export const Supersession = z.object({
  kind: z.enum(['correction', 'withdrawal']),
  recordedAt: z.string(),
  reporter: z.string(),
  reason: z.string(),
  /** The report that replaced it; null for a withdrawal. */
  replacementEventId: z.number().int().nullable(),
});
export type Supersession = z.infer<typeof Supersession>;

export const StatusEvent = z.object({
  id: z.number().int(),
  goalId: GoalId,
  status: Status,
  progress: z.number().int().min(0).max(100).nullable(),
  /** The day the report counts from; with a month or year precision the last day of that period. */
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
  /** First report, progress, setback, confirmation or correction — against the track's status before it. */
  kind: ReportKind,
  /** The status this report replaced on its track (for a correction: the corrected report's); null for a first report. */
  previousStatus: Status.nullable(),
  /** For a correction: the report it corrects. */
  corrects: z.number().int().nullable(),
  /** Set when, as known at the answer's point in time, a correction or withdrawal superseded this report. */
  supersededBy: Supersession.nullable(),
  /** Recorded more than 90 days after the day it is effective from: "nachträglich gemeldet". */
  lateReport: z.boolean(),
});
export type StatusEvent = z.infer<typeof StatusEvent>;
