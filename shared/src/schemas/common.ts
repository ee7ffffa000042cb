import { z } from 'zod';
import { DATE_PRECISIONS } from '../time/partial-date.ts';

/**
 * The dates the product speaks about: the digital strategies start in 2019, their sources reach
 * back to the 1990s and their horizons to the 2030s. Anything outside is a typo or a probe, and
 * is refused with the field named before it reaches a calendar computation.
 */
export const DATE_RANGE = { min: '1990-01-01', max: '2100-12-31' } as const;

/** Calendar date `YYYY-MM-DD` that exists (2021-02-30 is refused), between 1990 and 2100. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datum im Format JJJJ-MM-TT erwartet', abort: true })
  .refine((value) => value >= DATE_RANGE.min && value <= DATE_RANGE.max, {
    error: 'Datum zwischen 1990 und 2100 erwartet',
    abort: true,
  })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { error: 'Dieses Datum gibt es nicht' },
  );
export type IsoDate = z.infer<typeof IsoDate>;

/** Strategy version key such as `1.0`; which keys exist is data, checked by the server. */
export const VersionKey = z.string().regex(/^\d{1,2}\.\d{1,2}$/, { error: 'Version im Format 1.0 erwartet' });
export type VersionKey = z.infer<typeof VersionKey>;

/** Ressort code such as `MWIDE`; `unknown` stands for goals whose Ressort no source names. */
export const RessortCode = z
  .string()
  .regex(/^[A-Za-z]{2,12}$/, { error: 'Ressortkürzel aus 2–12 Buchstaben erwartet' });

export const GoalId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Ziel-ID aus Kleinbuchstaben, Ziffern und Bindestrichen erwartet' });

/** An indicator's id, a readable slug: `schulen-gigabit`. */
export const IndicatorId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, {
  error: 'Kennzahl-ID aus Kleinbuchstaben, Ziffern und Bindestrichen erwartet',
});

export const HORIZONS = ['short', 'medium', 'long', 'unknown'] as const;
export const Horizon = z.enum(HORIZONS);
export type Horizon = z.infer<typeof Horizon>;

export const STATUSES = [
  'unknown',
  'planned',
  'in_progress',
  'partially_achieved',
  'achieved',
  'missed',
  'dropped',
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const TRACKS = ['official', 'independent'] as const;
export const Track = z.enum(TRACKS);
export type Track = z.infer<typeof Track>;

export const CONFIDENCES = ['high', 'medium', 'low', 'unknown'] as const;
export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

export const DatePrecision = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** A date as a source states it: `2021`, `2021-11` or `2021-11-18`. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const SourceRef = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  date: PartialDate.nullable(),
  publisher: z.string().nullable(),
});
export type SourceRef = z.infer<typeof SourceRef>;
