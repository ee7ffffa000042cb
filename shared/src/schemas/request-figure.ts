import { z } from 'zod';
import { FIGURE_MEASURES } from '../vocabulary/figure-words.ts';
import { IsoDate, RessortCode, Status, Track, VersionKey } from './common.ts';
import { CountingRule } from './counting-rule.ts';
import { KnownAt } from './point-in-time.ts';

/**
 * A figure of the overview as the subject of a correction request. A figure is a record: what it
 * counts, for which Ressort (or the whole version), on whose assessment, under which counting rule,
 * and the date and knowledge its citable link pins — so whoever answers sees exactly the figure the
 * reader saw, and the value the reader saw beside the one the server counts for that basis.
 */
export const FigureMeasure = z.enum(FIGURE_MEASURES);

/** The largest count a figure can have; a rate lies between 0 and 1. */
const FIGURE_VALUE_MAX = 1_000_000;

export const FigureSubject = z
  .strictObject({
    kind: z.literal('figure'),
    measure: FigureMeasure,
    status: Status.optional(),
    ressort: RessortCode.nullable(),
    version: VersionKey,
    track: Track,
    rule: CountingRule,
    asOf: IsoDate,
    knownAt: KnownAt,
    value: z
      .number({ error: 'Zahl erwartet' })
      .nonnegative({ error: 'Eine Zahl ab 0 erwartet' })
      .max(FIGURE_VALUE_MAX, { error: `Höchstens ${FIGURE_VALUE_MAX}` }),
  })
  .superRefine((figure, ctx) => {
    if ((figure.measure === 'status') !== (figure.status !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'Der Status gehört genau zu einer Anzahl von Zielen mit diesem Status',
      });
    if ((figure.measure === 'declared' || figure.measure === 'documented') && figure.ressort !== null)
      ctx.addIssue({ code: 'custom', path: ['ressort'], message: 'Diese Zahl gibt es nur für die ganze Version' });
    if (figure.measure === 'rate' && figure.ressort === null)
      ctx.addIssue({ code: 'custom', path: ['ressort'], message: 'Eine Erfüllungsquote gibt es nur je Ressort' });
    if (figure.measure === 'rate' ? figure.value > 1 : !Number.isInteger(figure.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: figure.measure === 'rate' ? 'Eine Quote zwischen 0 und 1 erwartet' : 'Eine ganze Zahl erwartet',
      });
  });
export type FigureSubject = z.infer<typeof FigureSubject>;

/** The figure as the queue shows it: the record, the value counted for its basis, and its citable link. */
export const RequestFigure = z.object({
  measure: FigureMeasure,
  status: Status.nullable(),
  ressort: z.string().nullable(),
  version: z.string(),
  track: Track,
  rule: CountingRule,
  asOf: z.string(),
  knownAt: z.string(),
  /** What the reader saw. */
  value: z.number(),
  /** What the server counted for the same basis when the request came in. */
  computedValue: z.number(),
  /** The figure in words, with the value the reader saw. */
  words: z.string(),
  /** The overview as the reader saw it: the citable link's path and parameters. */
  path: z.string(),
});
export type RequestFigure = z.infer<typeof RequestFigure>;
