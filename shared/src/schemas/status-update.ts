import { z } from 'zod';
import { GoalId, IsoDate, Status } from './common.ts';
import { CurrentStatus } from './goal.ts';
import { StatusEvent } from './status-event.ts';
import { todayInBerlin } from '../time/berlin.ts';

/** Statuses that close a goal: they need a reason in the note. */
export const STATUSES_NEEDING_NOTE = ['achieved', 'missed', 'dropped'] as const satisfies readonly Status[];

export const StatusUpdateBody = z
  .strictObject({
    status: Status,
    progress: z.number().int().min(0).max(100).nullable().optional(),
    effectiveDate: IsoDate,
    note: z.string().trim().max(2000, { error: 'Höchstens 2000 Zeichen' }),
    evidence: z.strictObject({
      url: z
        .url({ protocol: /^https?$/, error: 'Eine Web-Adresse mit http:// oder https:// angeben' })
        .max(2000)
        .optional(),
      reference: z.string().trim().max(200, { error: 'Höchstens 200 Zeichen' }).optional(),
    }),
    /** The goal revision the form was based on; a newer one means someone else reported meanwhile. */
    expectedRevision: z.number().int().min(0),
  })
  .superRefine((body, ctx) => {
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
  });
export type StatusUpdateBody = z.infer<typeof StatusUpdateBody>;
export type StatusUpdateInput = z.input<typeof StatusUpdateBody>;

export const StatusUpdateParams = z.strictObject({ id: GoalId });

export const StatusUpdateResponse = z.object({
  goalId: GoalId,
  revision: z.number().int(),
  event: StatusEvent,
});
export type StatusUpdateResponse = z.infer<typeof StatusUpdateResponse>;

/** Sent with a 409: the goal as it stands now and every event since the revision the form knew. */
export const StatusConflict = z.object({
  revision: z.number().int(),
  official: CurrentStatus.nullable(),
  eventsSince: z.array(StatusEvent),
});
export type StatusConflict = z.infer<typeof StatusConflict>;
