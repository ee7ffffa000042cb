import { z } from 'zod';
import { GoalId } from './common.ts';
import { multiLineText, singleLineText } from './text.ts';

/**
 * Replies (Stellungnahmen): under an entry of either track the other side answers — a
 * parliamentary group or newspaper under the government's report, the responsible Ressort under an
 * independent assessment — once per organisation or Ressort, with evidence. A reply changes no figure.
 */

export const REPLY_TEXT_MAX = 2000;

const replyText = multiLineText()
  .trim()
  .min(20, { error: 'Bitte die Stellungnahme in mindestens 20 Zeichen fassen' })
  .max(REPLY_TEXT_MAX, { error: `Höchstens ${REPLY_TEXT_MAX} Zeichen` });

const reason = multiLineText()
  .trim()
  .min(10, { error: 'Bitte den Grund in mindestens 10 Zeichen angeben' })
  .max(1000, { error: 'Höchstens 1000 Zeichen' });

export const ReplyEvidence = z.strictObject({
  url: singleLineText()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, error: 'Eine Web-Adresse mit http:// oder https:// angeben' }))
    .optional(),
  reference: singleLineText().trim().max(200, { error: 'Höchstens 200 Zeichen' }).optional(),
});

/** A new reply: the text and its evidence (a web address or a Drucksache). */
export const ReplyBody = z.strictObject({ text: replyText, evidence: ReplyEvidence }).superRefine((body, ctx) => {
  if (!body.evidence.url && !body.evidence.reference) {
    ctx.addIssue({
      code: 'custom',
      path: ['evidence', 'url'],
      message: 'Eine Stellungnahme braucht einen Beleg: Web-Adresse oder Drucksache',
    });
  }
});
export type ReplyBody = z.infer<typeof ReplyBody>;
export type ReplyInput = z.input<typeof ReplyBody>;

/** Corrects a reply (the text as it should read, and why) or withdraws it (why). */
export const ReplySupersedeBody = z
  .strictObject({
    kind: z.enum(['correction', 'withdrawal']),
    reason,
    replacement: ReplyBody.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'correction' && !body.replacement)
      ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'Eine Berichtigung braucht den neuen Text' });
    if (body.kind === 'withdrawal' && body.replacement)
      ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'Eine Rücknahme hat keinen neuen Text' });
  });
export type ReplySupersedeBody = z.infer<typeof ReplySupersedeBody>;

const EntryId = z.coerce.number({ error: 'Nummer erwartet' }).int().positive({ error: 'Nummer erwartet' });
export const ReplyParams = z.strictObject({ replyId: EntryId });

export const ReplyTarget = z.object({
  kind: z.enum(['status_event', 'reading']),
  id: z.number().int(),
});

export const Reply = z.object({
  id: z.number().int(),
  /** The report, assessment or reading it answers. */
  target: ReplyTarget,
  goalId: GoalId.nullable(),
  indicatorId: z.string().nullable(),
  /** Who speaks: an organisation (on the government's entries) or a Ressort (on independent ones). */
  author: z.object({ kind: z.enum(['organisation', 'ressort']), name: z.string() }),
  text: z.string(),
  evidence: z.object({ url: z.string().nullable(), reference: z.string().nullable() }),
  recordedAt: z.string(),
  /** For a correction: the reply it replaces. */
  corrects: z.number().int().nullable(),
  supersededBy: z
    .object({
      kind: z.enum(['correction', 'withdrawal']),
      recordedAt: z.string(),
      reason: z.string(),
      replacementReplyId: z.number().int().nullable(),
    })
    .nullable(),
});
export type Reply = z.infer<typeof Reply>;

export const ReplyResponse = z.object({ reply: Reply });
export type ReplyResponse = z.infer<typeof ReplyResponse>;
