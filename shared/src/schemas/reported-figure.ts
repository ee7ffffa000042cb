import { z } from 'zod';
import { DatePrecision, IsoDate, SourceRef, VersionKey } from './common.ts';
import { PointInTimeQuery } from './point-in-time.ts';

export const ReportedFiguresQuery = z.strictObject({ version: VersionKey.optional(), ...PointInTimeQuery });
export type ReportedFiguresQueryInput = z.input<typeof ReportedFiguresQuery>;

export const ReporterKind = z.enum(['government', 'governing_parties', 'opposition', 'press', 'other']);
export const FigureBasis = z.enum(['all_goals', 'short_term', 'medium_term', 'long_term', 'other']);

export const ReportedFigure = z.object({
  id: z.string(),
  version: VersionKey,
  date: IsoDate,
  datePrecision: DatePrecision,
  dateWording: z.string().nullable(),
  reporter: z.string(),
  reporterKind: ReporterKind,
  scope: z.string(),
  ressort: z.string().nullable(),
  basis: FigureBasis,
  achieved: z.number().int().nullable(),
  partiallyAchieved: z.number().int().nullable(),
  missed: z.number().int().nullable(),
  total: z.number().int().nullable(),
  rate: z.number().nullable(),
  figure: z.string(),
  source: SourceRef,
  alsoSources: z.array(SourceRef),
});
export type ReportedFigure = z.infer<typeof ReportedFigure>;

export const ReportedFiguresResponse = z.object({ items: z.array(ReportedFigure) });
export type ReportedFiguresResponse = z.infer<typeof ReportedFiguresResponse>;
