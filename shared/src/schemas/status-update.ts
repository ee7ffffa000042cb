import { z } from 'zod';
import { GoalId, IsoDate, Status, Track } from './common.ts';
import { CurrentStatus } from './goal.ts';
import { StatusEvent } from './status-event.ts';
import { multiLineText, singleLineText } from './text.ts';
import { todayInBerlin } from '../time/berlin.ts';

/** Statuses that close a goal: they need a reason in the note. */
export const STATUSES_NEEDING_NOTE = ['achieved', 'missed', 'dropped'] as const satisfies readonly Status[];

const reportFields = {
  status: Status,
  progress: z.number().int().min(0).max(100).nullable().optional(),
  effectiveDate: IsoDate,
  note: multiLineText().trim().max(2000, { error: 'Höchstens 2000 Zeichen' }),
  evidence: z.strictObject({
    url: singleLineText()
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/, error: 'Eine Web-Adresse mit http:// oder https:// angeben' }))
      .optional(),
    reference: singleLineText().trim().max(200, { error: 'Höchstens 200 Zeichen' }).optional(),
  }),
  /** The goal revision the form was based on; a newer one means someone else reported meanwhile. */
  expectedRevision: z.number().int().min(0),
};

/** Why a report is corrected or withdrawn: required, and shown publicly beside the superseded report. */
const reason = multiLineText()
  .trim()
  .min(10, { error: 'Bitte den Grund in mindestens 10 Zeichen angeben' })
  .max(1000, { error: 'Höchstens 1000 Zeichen' });

function checkReport(body: { status: Status; effectiveDate: string; note: string }, ctx: z.RefinementCtx) {
  if (body.effectiveDate > todayInBerlin()) {
    ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'Das Datum liegt in der Zukunft' });
  }
  if ((STATUSES_NEEDING_NOTE as readonly string[]).includes(body.status) && body.note === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'Für „erreicht“, „verfehlt“ und „aufgegeben“ ist eine Begründung nötig',
    });
  }
}

/**
 * An independent assessment (parliamentary group, press) stands on its reasons and sources: it
 * needs a note and a piece of evidence (web address or Drucksache).
 */
function checkAssessment(
  body: { track: Track; note: string; evidence: { url?: string | undefined; reference?: string | undefined } },
  ctx: z.RefinementCtx,
) {
  if (body.track !== 'independent') return;
  if (body.note === '')
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'Eine unabhängige Einschätzung braucht eine Begründung' });
  if (!body.evidence.url && !body.evidence.reference)
    ctx.addIssue({
      code: 'custom',
      path: ['evidence', 'url'],
      message: 'Eine unabhängige Einschätzung braucht einen Beleg: Web-Adresse oder Drucksache',
    });
}

/**
 * A new report. `track` says whose: the government's (`official`, the default: controllers,
 * reviewers, the administration) or an independent assessment (`independent`: assessors).
 */
export const StatusUpdateBody = z
  .strictObject({ ...reportFields, track: Track.default('official') })
  .superRefine(checkReport)
  .superRefine(checkAssessment);
export type StatusUpdateBody = z.infer<typeof StatusUpdateBody>;
export type StatusUpdateInput = z.input<typeof StatusUpdateBody>;

/** A correction: the report as it should have been, and why the earlier one was wrong. */
export const StatusCorrectionBody = z.strictObject({ ...reportFields, reason }).superRefine(checkReport);
export type StatusCorrectionBody = z.infer<typeof StatusCorrectionBody>;
export type StatusCorrectionInput = z.input<typeof StatusCorrectionBody>;

/** A withdrawal: the report should never have been made; the status falls back to the one before. */
export const StatusWithdrawalBody = z.strictObject({ reason, expectedRevision: reportFields.expectedRevision });
export type StatusWithdrawalBody = z.infer<typeof StatusWithdrawalBody>;

export const StatusUpdateParams = z.strictObject({ id: GoalId });
export const StatusEventParams = z.strictObject({
  id: GoalId,
  eventId: z.coerce.number({ error: 'Meldungsnummer erwartet' }).int().positive({ error: 'Meldungsnummer erwartet' }),
});

export const StatusUpdateResponse = z.object({
  goalId: GoalId,
  revision: z.number().int(),
  /** The new report; for a withdrawal, the report withdrawn. */
  event: StatusEvent,
  /** The goal's official status after the write: a back-dated report may leave another one current. */
  current: CurrentStatus.nullable(),
  /** Whether the new report is now the goal's current official status. */
  becameCurrent: z.boolean(),
});
export type StatusUpdateResponse = z.infer<typeof StatusUpdateResponse>;

/** Sent with a 409: the goal as it stands now and every event since the revision the form knew. */
export const StatusConflict = z.object({
  revision: z.number().int(),
  official: CurrentStatus.nullable(),
  eventsSince: z.array(StatusEvent),
});
export type StatusConflict = z.infer<typeof StatusConflict>;
