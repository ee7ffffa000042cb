import { z } from 'zod';
import {
  Confidence,
  DatePrecision,
  GoalId,
  Horizon,
  IsoDate,
  RessortCode,
  SourceRef,
  Status,
  VersionKey,
} from './common.ts';
import { Reply } from './reply.ts';
import { StatusEvent } from './status-event.ts';
import { ExportStamp } from './export-stamp.ts';
import { PendingReview } from './submission.ts';
import { PointInTimeEcho, PointInTimeQuery } from './point-in-time.ts';
import { GoalSchedules } from './schedule.ts';
import { singleLineText } from './text.ts';

export const GoalConfidence = z.object({ goal: Confidence, ressort: Confidence, status: Confidence });

/** The latest event of one track, or null when that track has said nothing. */
export const CurrentStatus = z.object({
  status: Status,
  progress: z.number().int().nullable(),
  effectiveDate: IsoDate,
  effectiveDatePrecision: DatePrecision,
  reporter: z.string(),
});
export type CurrentStatus = z.infer<typeof CurrentStatus>;

/**
 * Who is responsible for a goal at the answer's date: separate from the Ressort the strategy named
 * (leadRessort, which stays as history). Dissolved Ressorts pass their goals to their successors.
 */
export const Responsibility = z.object({
  /** The Ressort(s) responsible; several while the succession is not settled, none when no source names one. */
  ressorts: z.array(RessortCode),
  /** Several successors and no assignment yet: "Zuständigkeit ungeklärt"; every successor may report. */
  unsettled: z.boolean(),
  /** The co-Ressorts as they are cut today. */
  involved: z.array(RessortCode),
  /** The administration's assignment this rests on, if any. */
  assignment: z.object({ ressort: RessortCode, validFrom: IsoDate, basis: z.string() }).nullable(),
});
export type Responsibility = z.infer<typeof Responsibility>;

export const GoalSummary = z.object({
  id: GoalId,
  version: VersionKey,
  title: z.string(),
  leadRessort: RessortCode.nullable(),
  coRessorts: z.array(RessortCode),
  fieldOfAction: z.string().nullable(),
  horizon: Horizon,
  dueDate: IsoDate.nullable(),
  /** How precisely the source states the due date: "bis 2022" is a year, stored as its last day. */
  dueDatePrecision: DatePrecision,
  dueWording: z.string().nullable(),
  /** The explicit due date, else one derived from the horizon by the version's own definition. */
  effectiveDueDate: IsoDate.nullable(),
  dueDateSource: z.enum(['explicit', 'horizon']).nullable(),
  /** Due before the as-of date (or today) and not achieved. */
  overdue: z.boolean(),
  confidence: GoalConfidence,
  /** Current official status; `unknown` when the government has reported nothing. */
  status: Status,
  /** Goes up with every status report; a status update names the revision it was based on. */
  revision: z.number().int().nonnegative(),
  official: CurrentStatus.nullable(),
  independent: CurrentStatus.nullable(),
  responsibility: Responsibility,
  /** Terminlage per track, from due date, status and the goal's indicators; absent only in older snapshots. */
  schedule: GoalSchedules.optional(),
});
export type GoalSummary = z.infer<typeof GoalSummary>;

export const GOAL_SORT_KEYS = ['id', 'title', 'ressort', 'horizon', 'status', 'dueDate'] as const;

export const GoalsQuery = z.strictObject({
  version: VersionKey.optional(),
  ressort: RessortCode.optional(),
  horizon: Horizon.optional(),
  status: Status.optional(),
  q: singleLineText().trim().max(200, { error: 'Suchtext höchstens 200 Zeichen' }).optional(),
  /** Only goals due on or before this date (explicit or derived due date). */
  dueBy: IsoDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only goals this Ressort is responsible for today (following successions and assignments). */
  responsible: RessortCode.optional(),
  /** Only goals the signed-in user may report on ("Meine Ziele"). */
  reportable: z.enum(['true']).optional(),
  sort: z.enum(GOAL_SORT_KEYS).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  ...PointInTimeQuery,
});
export type GoalsQuery = z.infer<typeof GoalsQuery>;
export type GoalsQueryInput = z.input<typeof GoalsQuery>;

export const GoalsResponse = z.object({
  items: z.array(GoalSummary),
  total: z.number().int().nonnegative(),
  at: PointInTimeEcho,
});
export type GoalsResponse = z.infer<typeof GoalsResponse>;

export const GoalParams = z.strictObject({ id: GoalId });
export const GoalDetailQuery = z.strictObject(PointInTimeQuery);
export type GoalDetailQueryInput = z.input<typeof GoalDetailQuery>;

export const LINEAGE_TYPES = ['continued', 'sharpened', 'loosened', 'split', 'merged', 'replaced'] as const;
export const LineageType = z.enum(LINEAGE_TYPES);
export type LineageType = z.infer<typeof LineageType>;

export const LineageLink = z.object({
  goalId: GoalId,
  goalTitle: z.string(),
  version: VersionKey,
  type: LineageType,
  certainty: z.enum(['documented', 'probable']),
  basis: z.string().nullable(),
  sources: z.array(SourceRef),
});
export type LineageLink = z.infer<typeof LineageLink>;

export const GoalOrigin = z.object({
  type: z.enum(['new', 'derived', 'unknown']),
  certainty: z.enum(['documented', 'probable', 'unknown']),
  basis: z.string().nullable(),
});

export const GoalDetail = GoalSummary.extend({
  description: z.string().nullable(),
  ressortBasis: z.string().nullable(),
  fieldOfActionBasis: z.string().nullable(),
  horizonNote: z.string().nullable(),
  dueDateBasis: z.string().nullable(),
  confidenceNote: z.string().nullable(),
  notes: z.string().nullable(),
  origin: GoalOrigin.nullable(),
  sources: z.array(SourceRef),
  history: z.object({ official: z.array(StatusEvent), independent: z.array(StatusEvent) }),
  lineage: z.object({ predecessors: z.array(LineageLink), successors: z.array(LineageLink) }),
  /** Replies (Stellungnahmen) to the entries of both tracks, oldest first, as known at the point in time. */
  replies: z.array(Reply),
  /**
   * Reports waiting for a second person's release: how many (public), and — for users of a
   * responsible Ressort and the administration — which.
   */
  review: PendingReview,
  /** What the signed-in user may do with this goal (false and empty for visitors): decided by the server. */
  permissions: z.object({
    /** The government's track: controllers and reviewers of a responsible Ressort, the administration. */
    canReport: z.boolean(),
    /** The independent track: assessors of an organisation. */
    canAssess: z.boolean(),
    /** The reports the user may correct or withdraw. */
    correctableEventIds: z.array(z.number().int()),
    /** The entries the user may answer with a reply for their organisation or Ressort (none given yet). */
    repliableEventIds: z.array(z.number().int()),
    /** The replies the user may correct or withdraw. */
    correctableReplyIds: z.array(z.number().int()),
    /** Whether the user may settle who is responsible for the goal (the administration). */
    canAssign: z.boolean(),
  }),
  at: PointInTimeEcho,
});
export type GoalDetail = z.infer<typeof GoalDetail>;

/** A goal in the JSON export: the detail without the point in time, which the export states once, and without what only a signed-in reader sees. */
export const ExportedGoal = GoalDetail.omit({ at: true, permissions: true, review: true });
export const GoalsExportResponse = z.object({
  stamp: ExportStamp,
  at: GoalDetail.shape.at,
  goals: z.array(ExportedGoal),
});
export type GoalsExportResponse = z.infer<typeof GoalsExportResponse>;

/** An administration settles who is responsible for a goal, from a day on, and says why. */
export const AssignResponsibilityBody = z.strictObject({
  ressort: RessortCode,
  validFrom: IsoDate,
  basis: z
    .string()
    .trim()
    .min(10, { error: 'Bitte die Grundlage in mindestens 10 Zeichen angeben' })
    .max(1000, { error: 'Höchstens 1000 Zeichen' }),
  expectedRevision: z.number().int().min(0),
});
export type AssignResponsibilityBody = z.infer<typeof AssignResponsibilityBody>;
