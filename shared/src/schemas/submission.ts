import { z } from 'zod';
import { DatePrecision, GoalId, IndicatorId, IsoDate, Status } from './common.ts';
import { INDICATOR_UNITS, QUALIFIERS } from '../indicators/trajectory.ts';

export const SUBMISSION_KINDS = ['report', 'correction', 'withdrawal'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export const SUBMISSION_STATES = ['pending', 'released', 'returned'] as const;
/** What a submission is about: a goal's status, or an indicator's readings. */
const SUBMISSION_SUBJECTS = ['goal', 'indicator'] as const;
export type SubmissionSubjectType = (typeof SUBMISSION_SUBJECTS)[number];

const SubmissionSubject = z.object({
  type: z.enum(SUBMISSION_SUBJECTS),
  /** The goal's or the indicator's id. */
  id: z.string(),
  /** The goal's title or the indicator's name. */
  title: z.string(),
  /** Its revision now: a release or return names it, like every write. */
  revision: z.number().int(),
  /** Where the dashboard shows it, e.g. `/ziele/v2-12` or `/kennzahlen/schulen-gigabit`. */
  path: z.string(),
});

/** A reading's value and date as submitted, or as recorded for the reading a correction or withdrawal is about. */
export const SubmittedValue = z.object({
  value: z.number(),
  qualifier: z.enum(QUALIFIERS),
  /** The day it counts from; a month or a year counts from its last day. */
  date: IsoDate,
  datePrecision: DatePrecision,
  dateWording: z.string().nullable(),
  valueWording: z.string().nullable(),
});
export type SubmittedValue = z.infer<typeof SubmittedValue>;

/** What a reading submission says, with the indicator's unit to put it in words. */
export const SubmittedReading = z.object({
  unit: z.enum(INDICATOR_UNITS),
  unitSingular: z.string().nullable(),
  unitPlural: z.string().nullable(),
  /** The new value (a reading or a correction's right value); null for a withdrawal. */
  value: SubmittedValue.nullable(),
  /** The recorded reading a correction or withdrawal is about. */
  target: SubmittedValue.nullable(),
});
export type SubmittedReading = z.infer<typeof SubmittedReading>;

/**
 * A government report or indicator reading waiting for, or decided by, a second person
 * (Vier-Augen-Prinzip). Only a released one enters the public record.
 */
export const Submission = z.object({
  id: z.number().int(),
  about: SubmissionSubject,
  kind: z.enum(SUBMISSION_KINDS),
  /** The report or reading a correction or withdrawal is about. */
  targetId: z.number().int().nullable(),
  /** A status report's content (null for readings and withdrawals). */
  status: Status.nullable(),
  progress: z.number().int().nullable(),
  effectiveDate: IsoDate.nullable(),
  /** A reading's content (null for status reports). */
  reading: SubmittedReading.nullable(),
  note: z.string().nullable(),
  evidence: z.object({ url: z.string().nullable(), reference: z.string().nullable() }),
  reason: z.string().nullable(),
  reporter: z.string(),
  submittedAt: z.string(),
  state: z.enum(SUBMISSION_STATES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Why it was returned. */
  decisionReason: z.string().nullable(),
  /** The report or reading that entered the public record with the release. */
  releasedId: z.number().int().nullable(),
  /** Whether the signed-in user may release or return it (never their own). */
  canDecide: z.boolean(),
  /** Whether the signed-in user submitted it. */
  mine: z.boolean(),
});
export type Submission = z.infer<typeof Submission>;

/** Submissions waiting on a goal or an indicator: how many (public), and which (for those responsible). */
export const PendingReview = z.object({ pending: z.number().int().nonnegative(), submissions: z.array(Submission) });
export type PendingReview = z.infer<typeof PendingReview>;

/** The answer to a write that waits for release (202), and to a release or return. */
export const SubmissionResponse = z.object({ revision: z.number().int(), submission: Submission });
export type SubmissionResponse = z.infer<typeof SubmissionResponse>;

export const SubmissionsQuery = z.strictObject({
  state: z.enum(SUBMISSION_STATES).default('pending'),
  goal: GoalId.optional(),
  indicator: IndicatorId.optional(),
});
export const SubmissionsResponse = z.object({ items: z.array(Submission) });
export type SubmissionsResponse = z.infer<typeof SubmissionsResponse>;

export const SubmissionParams = z.strictObject({
  id: z.coerce.number({ error: 'Nummer erwartet' }).int().positive({ error: 'Nummer erwartet' }),
});
export const ReleaseBody = z.strictObject({ expectedRevision: z.number().int().min(0) });
export const ReturnBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, { error: 'Bitte den Grund in mindestens 10 Zeichen angeben' })
    .max(1000, { error: 'Höchstens 1000 Zeichen' }),
  expectedRevision: z.number().int().min(0),
});
export type ReturnBody = z.infer<typeof ReturnBody>;
