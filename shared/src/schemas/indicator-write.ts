import { z } from 'zod';
import { GoalId, IndicatorId, PartialDate, Track } from './common.ts';
import { IndicatorUnit, Direction, Qualifier, TargetKind, Reading } from './indicator.ts';
import { countingDay } from '../time/partial-date.ts';
import { multiLineText, singleLineText } from './text.ts';
import { todayInBerlin } from '../time/berlin.ts';

// Text hygiene as everywhere at the boundary (text.ts): no control characters but tab and line feed.
const text = (max: number) =>
  multiLineText()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen` });
const optionalText = (max: number) => text(max).optional();

/** A date as precise as it is known: `2024`, `2024-03` or `2024-03-15`, a day that exists. */
export const StatedDate = PartialDate.refine(
  (value) => {
    const day = countingDay(value);
    const date = new Date(`${day}T00:00:00Z`);
    const [, month] = value.split('-');
    return (
      !Number.isNaN(date.getTime()) &&
      date.toISOString().slice(0, 10) === day &&
      (month === undefined || (Number(month) >= 1 && Number(month) <= 12))
    );
  },
  { error: 'Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT erwartet, das es gibt' },
);

const Evidence = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'Eine Web-Adresse mit http:// oder https:// angeben' })
    .max(2000)
    .optional(),
  reference: optionalText(200),
});

const ReadingFields = z.strictObject({
  value: z.number({ error: 'Zahl erwartet' }),
  qualifier: Qualifier.default('exact'),
  date: StatedDate,
  dateWording: optionalText(200),
  valueWording: optionalText(500),
  note: text(2000),
  evidence: Evidence,
});

const checkReading = (body: z.infer<typeof ReadingFields>, ctx: z.RefinementCtx) => {
  if (countingDay(body.date) > todayInBerlin()) {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: 'Der Zeitraum ist noch nicht vorbei: ein Monat oder Jahr zählt ab seinem letzten Tag',
    });
  }
  if (!body.evidence.url && !body.evidence.reference) {
    ctx.addIssue({
      code: 'custom',
      path: ['evidence', 'url'],
      message: 'Für einen Messwert ist ein Beleg nötig: Web-Adresse oder Drucksache',
    });
  }
};

/**
 * A measured value reported by a controller (official track) for an indicator of their Ressorts, or
 * by an assessor (independent track) for any indicator.
 * A month or a year counts from its last day, which must not lie in the future; a value needs a
 * piece of evidence (web address or Drucksache).
 */
export const ReadingBody = ReadingFields.extend({
  /** The indicator revision the form was based on; a newer one means someone else wrote meanwhile. */
  expectedRevision: z.number().int().min(0),
  /** Whose reading: the government's (default) or an independent one (assessors of an organisation). */
  track: Track.default('official'),
}).superRefine(checkReading);
export type ReadingBody = z.infer<typeof ReadingBody>;
export type ReadingInput = z.input<typeof ReadingBody>;

/** A reading without the revision: what a submission keeps, checked again by the same rules on release. */
export const CheckedReading = ReadingFields.superRefine(checkReading);
export type CheckedReading = z.infer<typeof CheckedReading>;

/** What a reading submission stores: the reading (new or the correction's right value) and the reason. */
export const ReadingSubmissionPayload = z.strictObject({
  reading: CheckedReading.optional(),
  reason: z.string().optional(),
});
export type ReadingSubmissionPayload = z.infer<typeof ReadingSubmissionPayload>;

export const ReadingResponse = z.object({ indicatorId: IndicatorId, revision: z.number().int(), reading: Reading });
export type ReadingResponse = z.infer<typeof ReadingResponse>;

export const ReadingParams = z.strictObject({ id: IndicatorId, readingId: z.coerce.number().int().positive() });

/**
 * Corrects or withdraws an earlier reading: the reading stays in the record, marked with the
 * reason; from now on it no longer counts. A correction carries the replacing reading.
 */
export const SupersedeBody = z
  .strictObject({
    kind: z.enum(['correction', 'withdrawal']),
    reason: text(2000).min(1, { error: 'Bitte einen Grund angeben' }),
    replacement: CheckedReading.optional(),
    expectedRevision: z.number().int().min(0),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'correction' && !body.replacement) {
      ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'Eine Berichtigung braucht den richtigen Wert' });
    }
    if (body.kind === 'withdrawal' && body.replacement) {
      ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'Ein Rückzug hat keinen neuen Wert' });
    }
  });
export type SupersedeBody = z.infer<typeof SupersedeBody>;

export const TargetBody = z.strictObject({
  kind: TargetKind,
  value: z.number({ error: 'Zahl erwartet' }),
  date: StatedDate,
  dateWording: optionalText(200),
  wording: optionalText(1000),
  note: optionalText(2000),
  sourceId: singleLineText().trim().min(1).max(40).optional(),
  evidence: Evidence.optional(),
});

/** An indicator as an admin creates or edits it: the definition, its goals and its target points. */
export const IndicatorBody = z.strictObject({
  name: text(200).min(1, { error: 'Name fehlt' }),
  measure: text(2000).min(1, { error: 'Bitte sagen, was genau gezählt wird' }),
  unit: IndicatorUnit,
  unitSingular: optionalText(80),
  unitPlural: optionalText(80),
  direction: Direction,
  note: optionalText(4000),
  goals: z
    .array(z.strictObject({ goalId: GoalId, basis: optionalText(2000) }))
    .min(1, { error: 'Eine Kennzahl misst mindestens ein Ziel' })
    .max(50),
  targets: z.array(TargetBody).max(50),
});
export type IndicatorBody = z.infer<typeof IndicatorBody>;

export const CreateIndicatorBody = IndicatorBody.extend({ id: IndicatorId });
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;
export const UpdateIndicatorBody = IndicatorBody.extend({ expectedRevision: z.number().int().min(0) });
export type UpdateIndicatorBody = z.infer<typeof UpdateIndicatorBody>;
