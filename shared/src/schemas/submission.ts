import { z } from 'zod';
import { GoalId, IsoDate, Status } from './common.ts';

export const SUBMISSION_KINDS = ['report', 'correction', 'withdrawal'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export const SUBMISSION_STATES = ['pending', 'released', 'returned'] as const;

/**
 * A government report waiting for, or decided by, a second person (Vier-Augen-Prinzip). Only a
 * released one enters the public record.
 */
export const Submission = z.object({
  id: z.number().int(),
  goalId: GoalId,
  goalTitle: z.string(),
  /** The goal's revision now: a release or return names it, like every write. */
  goalRevision: z.number().int(),
  kind: z.enum(SUBMISSION_KINDS),
  /** The report a correction or withdrawal is about. */
  targetEventId: z.number().int().nullable(),
  /** What was submitted (for a withdrawal only the reason). */
  status: Status.nullable(),
  progress: z.number().int().nullable(),
  effectiveDate: IsoDate.nullable(),
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
  releasedEventId: z.number().int().nullable(),
  /** Whether the signed-in user may release or return it (never their own). */
  canDecide: z.boolean(),
});
export type Submission = z.infer<typeof Submission>;

/** The answer to a report that waits for release (202). */
export const SubmissionResponse = z.object({ goalId: GoalId, revision: z.number().int(), submission: Submission });
export type SubmissionResponse = z.infer<typeof SubmissionResponse>;

export const SubmissionsQuery = z.strictObject({
  state: z.enum(SUBMISSION_STATES).default('pending'),
  goal: GoalId.optional(),
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
