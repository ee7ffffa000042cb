import { z } from 'zod';
import { GoalId, IndicatorId } from './common.ts';
import { FigureSubject, RequestFigure } from './request-figure.ts';
import { EmailAddress, Honeypot } from './subscription.ts';
import { multiLineText, singleLineText } from './text.ts';

/**
 * Correction requests ("Fehler melden") from anyone, without an account: what is wrong, a piece of
 * evidence, and an address only if an answer by mail is wanted. Answered as accepted (with the
 * correction it led to) or declined with a reason. Only the counts per Ressort are public. The
 * subject is a goal, a report, an indicator, a reading, or a figure of the overview (request-figure.ts).
 */
export const REQUEST_SUBJECT_KINDS = ['goal', 'status_event', 'indicator', 'reading', 'figure'] as const;
export const RequestSubjectKind = z.enum(REQUEST_SUBJECT_KINDS);
export type RequestSubjectKind = z.infer<typeof RequestSubjectKind>;

const EntryNumber = z.number({ error: 'Nummer erwartet' }).int().positive({ error: 'Nummer erwartet' });

export const RequestSubject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('goal'), id: GoalId }),
  z.strictObject({ kind: z.literal('status_event'), id: EntryNumber }),
  z.strictObject({ kind: z.literal('indicator'), id: IndicatorId }),
  z.strictObject({ kind: z.literal('reading'), id: EntryNumber }),
  FigureSubject,
]);
export type RequestSubject = z.infer<typeof RequestSubject>;

export const REQUEST_TEXT_MAX = 2000;

export const CorrectionRequestBody = z.strictObject({
  subject: RequestSubject,
  description: multiLineText()
    .trim()
    .min(10, { error: 'Bitte in mindestens 10 Zeichen beschreiben, was falsch ist' })
    .max(REQUEST_TEXT_MAX, { error: `Höchstens ${REQUEST_TEXT_MAX} Zeichen` }),
  evidenceUrl: singleLineText()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, error: 'Eine Web-Adresse mit http:// oder https:// angeben' }))
    .optional(),
  /** Only for an answer by mail; deleted once the answer is queued. */
  email: EmailAddress.optional(),
  website: Honeypot,
});
export type CorrectionRequestBody = z.infer<typeof CorrectionRequestBody>;
export type CorrectionRequestInput = z.input<typeof CorrectionRequestBody>;

export const CorrectionRequestCreated = z.object({
  id: z.number().int(),
  /** Whether the answer will be sent by mail. */
  answerByMail: z.boolean(),
});
export type CorrectionRequestCreated = z.infer<typeof CorrectionRequestCreated>;

export const RequestState = z.enum(['open', 'accepted', 'declined']);
export type RequestState = z.infer<typeof RequestState>;

export const RequestLink = z.strictObject({ kind: z.enum(['status_event', 'reading']), id: EntryNumber });

export const AnswerBody = z
  .strictObject({
    outcome: z.enum(['accepted', 'declined']),
    answer: multiLineText().trim().max(2000, { error: 'Höchstens 2000 Zeichen' }),
    /** For an accepted request: the correction (or new entry) it led to. */
    link: RequestLink.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'declined' && body.answer.length < 10)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: 'Eine Ablehnung braucht einen Grund (mindestens 10 Zeichen)',
      });
    if (body.outcome === 'declined' && body.link)
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'Eine Ablehnung verweist auf keine Berichtigung' });
    if (body.outcome === 'accepted' && !body.link && body.answer.length < 10)
      ctx.addIssue({
        code: 'custom',
        path: ['link'],
        message:
          'Bitte die Berichtigung angeben, zu der der Hinweis geführt hat, oder in der Antwort sagen, was berichtigt wurde',
      });
  });
export type AnswerBody = z.infer<typeof AnswerBody>;
export type AnswerInput = z.input<typeof AnswerBody>;

export const RequestParams = z.strictObject({ id: z.coerce.number().int().positive({ error: 'Nummer erwartet' }) });

export const CorrectionRequest = z.object({
  id: z.number().int(),
  subject: z.object({
    kind: RequestSubjectKind,
    goalId: GoalId.nullable(),
    indicatorId: z.string().nullable(),
    entryId: z.number().int().nullable(),
    /** What the request is about, in words. */
    label: z.string(),
    path: z.string(),
    /** Only for a figure of the overview: the figure as the reader saw it. */
    figure: RequestFigure.nullable(),
  }),
  description: z.string(),
  evidenceUrl: z.string().nullable(),
  /** Whether the requester asked for an answer by mail (the address itself is never shown). */
  answerByMail: z.boolean(),
  createdAt: z.string(),
  ressorts: z.array(z.string()),
  state: RequestState,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  link: z.object({ kind: z.enum(['status_event', 'reading']), id: z.number().int(), path: z.string() }).nullable(),
  canAnswer: z.boolean(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

export const CorrectionRequestsQuery = z.strictObject({ state: RequestState.optional() });
export const CorrectionRequestsResponse = z.object({ items: z.array(CorrectionRequest) });
export type CorrectionRequestsResponse = z.infer<typeof CorrectionRequestsResponse>;

const Counts = z.object({
  open: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  declined: z.number().int().nonnegative(),
});
/** Public: open and answered requests per Ressort (a request about several Ressorts counts for each). */
export const CorrectionRequestStats = z.object({
  ressorts: z.array(Counts.extend({ ressort: z.string() })),
  /** Requests about goals and indicators no Ressort is named for. */
  withoutRessort: Counts,
  total: Counts,
});
export type CorrectionRequestStats = z.infer<typeof CorrectionRequestStats>;
