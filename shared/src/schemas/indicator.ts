import { z } from 'zod';
import { Reply } from './reply.ts';
import { DatePrecision, GoalId, IndicatorId, IsoDate, RessortCode, SourceRef, Track, VersionKey } from './common.ts';
import { PointInTimeEcho, PointInTimeQuery } from './point-in-time.ts';
import { Evidence } from './status-event.ts';
import {
  DIRECTIONS,
  INDICATOR_UNITS,
  QUALIFIERS,
  RATING_REASONS,
  RATINGS,
  TARGET_KINDS,
} from '../indicators/trajectory.ts';
import { PendingReview } from './submission.ts';

export const IndicatorUnit = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;
export const Direction = z.enum(DIRECTIONS);
export const Qualifier = z.enum(QUALIFIERS);
export const TargetKind = z.enum(TARGET_KINDS);

export const TargetPoint = z.object({
  id: z.number().int(),
  kind: TargetKind,
  value: z.number(),
  /** The day it counts from; a month or a year counts from its last day. */
  date: IsoDate,
  datePrecision: DatePrecision,
  dateWording: z.string().nullable(),
  /** The source's own words for the value and date. */
  wording: z.string().nullable(),
  note: z.string().nullable(),
  source: SourceRef.nullable(),
  evidence: Evidence,
});
export type TargetPoint = z.infer<typeof TargetPoint>;

export const ReadingRating = z.object({
  state: z.enum(RATINGS),
  reason: z.enum(RATING_REASONS).nullable(),
  planned: z.number().nullable(),
  aheadBy: z.number().nullable(),
});
export type ReadingRating = z.infer<typeof ReadingRating>;

export const Supersession = z.object({
  kind: z.enum(['correction', 'withdrawal']),
  reason: z.string(),
  recordedAt: z.string(),
  replacementReadingId: z.number().int().nullable(),
  by: z.string().nullable(),
});
export type Supersession = z.infer<typeof Supersession>;

export const Reading = z.object({
  id: z.number().int(),
  indicatorId: IndicatorId,
  value: z.number(),
  qualifier: Qualifier,
  /** The source's words for the number: "58 % der Schulen ohne Glasfaser". */
  valueWording: z.string().nullable(),
  date: IsoDate,
  datePrecision: DatePrecision,
  dateWording: z.string().nullable(),
  reporter: z.string(),
  track: Track,
  note: z.string().nullable(),
  source: SourceRef.nullable(),
  evidence: Evidence,
  recordedAt: z.string(),
  rating: ReadingRating,
  /** Set when a later correction or withdrawal, known by the point in time, replaced it: it no longer counts. */
  superseded: Supersession.nullable(),
});
export type Reading = z.infer<typeof Reading>;

export const LatestReading = Reading.pick({
  id: true,
  value: true,
  qualifier: true,
  date: true,
  datePrecision: true,
  reporter: true,
});
export const IndicatorRating = ReadingRating.extend({ reading: LatestReading.nullable() });
export type IndicatorRating = z.infer<typeof IndicatorRating>;

export const IndicatorGoal = z.object({
  goalId: GoalId,
  version: VersionKey,
  title: z.string(),
  leadRessort: RessortCode.nullable(),
  /** Why this indicator measures this goal. */
  basis: z.string().nullable(),
});

export const IndicatorSummary = z.object({
  id: IndicatorId,
  name: z.string(),
  /** What exactly is counted, in words. */
  measure: z.string(),
  unit: IndicatorUnit,
  /** For counts: the thing counted, "1 Krankenhaus", "2 Krankenhäuser". */
  unitSingular: z.string().nullable(),
  unitPlural: z.string().nullable(),
  direction: Direction,
  note: z.string().nullable(),
  goals: z.array(IndicatorGoal),
  baseline: TargetPoint.nullable(),
  target: TargetPoint.nullable(),
  rating: z.object({ official: IndicatorRating, independent: IndicatorRating }),
  /** Goes up with every reading and every edit; a write names the revision it was based on. */
  revision: z.number().int().nonnegative(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const IndicatorsQuery = z.strictObject({
  version: VersionKey.optional(),
  ressort: RessortCode.optional(),
  goal: GoalId.optional(),
  ...PointInTimeQuery,
});
export type IndicatorsQuery = z.infer<typeof IndicatorsQuery>;
export type IndicatorsQueryInput = z.input<typeof IndicatorsQuery>;

export const IndicatorsResponse = z.object({ items: z.array(IndicatorSummary), at: PointInTimeEcho });
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

export const IndicatorParams = z.strictObject({ id: IndicatorId });
export const IndicatorDetailQuery = z.strictObject({
  ...PointInTimeQuery,
  /** How many readings, newest first (the CSV export has all). */
  limit: z.coerce.number().int().min(1).max(5000).default(250),
});
export type IndicatorDetailQueryInput = z.input<typeof IndicatorDetailQuery>;

export const PathPoint = z.object({ kind: TargetKind, date: IsoDate, value: z.number() });

export const IndicatorDetail = IndicatorSummary.extend({
  /** Every target point: baseline, interim targets, target. */
  targets: z.array(TargetPoint),
  /** The planned path's corner points; empty without baseline or target. */
  path: z.array(PathPoint),
  /** The newest readings by the point in time (up to `limit`); superseded ones marked and not counted. */
  readings: z.array(Reading),
  /** How many readings were recorded by the point in time, superseded ones included. */
  readingsTotal: z.number().int().nonnegative(),
  sources: z.array(SourceRef),
  /** Whether the user asking may report a reading (the server decides, the page follows). */
  canReport: z.boolean(),
  /**
   * Readings, corrections and withdrawals waiting for a second person's release: how many
   * (public), and — for those who may report on or release them — which.
   */
  review: PendingReview,
  /** Whether the user asking may report an independent reading (assessors of an organisation). */
  canAssess: z.boolean(),
  /** Replies (Stellungnahmen) to the readings shown, oldest first. */
  replies: z.array(Reply),
  /** The readings the user may answer for their organisation or Ressort. */
  repliableReadingIds: z.array(z.number().int()),
  /** The replies the user may correct or withdraw. */
  correctableReplyIds: z.array(z.number().int()),
  at: PointInTimeEcho,
});
export type IndicatorDetail = z.infer<typeof IndicatorDetail>;
