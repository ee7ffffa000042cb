import { z } from 'zod';
import type { Track } from './common.ts';
import { GoalId, RessortCode, VersionKey } from './common.ts';
import { IndicatorId } from './common.ts';
import { ImportProblem } from './goal-csv.ts';
import { PointInTimeQuery } from './point-in-time.ts';
import type { Qualifier } from '../indicators/trajectory.ts';

/** German labels in the readings CSV; each maps back one to one on import. */
export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: 'genau',
  about: 'etwa',
  at_least: 'mindestens',
  at_most: 'höchstens',
};
export const TRACK_LABELS: Record<Track, string> = { official: 'Landesregierung', independent: 'unabhängig' };

/**
 * The columns of the readings CSV, in order. `importable` columns are read back by the import;
 * the others (indicator name, unit, recorded time, supersession, rating) are the record's state.
 */
export const READING_CSV_COLUMNS = [
  { key: 'id', header: 'Messwert-ID', importable: true },
  { key: 'indicatorId', header: 'Kennzahl-ID', importable: true },
  { key: 'indicator', header: 'Kennzahl', importable: false },
  { key: 'unit', header: 'Einheit', importable: false },
  { key: 'value', header: 'Wert', importable: true },
  { key: 'qualifier', header: 'Genauigkeit des Werts', importable: true },
  { key: 'valueWording', header: 'Wert laut Quelle', importable: true },
  { key: 'date', header: 'Stichtag', importable: true },
  { key: 'dateWording', header: 'Datum laut Quelle', importable: true },
  { key: 'track', header: 'Spur', importable: true },
  { key: 'reporter', header: 'Gemeldet von', importable: true },
  { key: 'note', header: 'Anmerkung', importable: true },
  { key: 'sourceId', header: 'Quelle', importable: true },
  { key: 'evidenceUrl', header: 'Beleg (URL)', importable: true },
  { key: 'evidenceReference', header: 'Beleg (Drucksache)', importable: true },
  { key: 'recordedAt', header: 'Erfasst am', importable: false },
  { key: 'superseded', header: 'Berichtigt oder zurückgezogen', importable: false },
  { key: 'rating', header: 'Bewertung', importable: false },
  { key: 'planned', header: 'Plan zum Stichtag', importable: false },
  { key: 'gap', header: 'Abstand zum Plan', importable: false },
  { key: 'side', header: 'Lage zum Plan', importable: false },
] as const;
export type ReadingCsvKey = (typeof READING_CSV_COLUMNS)[number]['key'];

export const ReadingsExportQuery = z.strictObject({
  version: VersionKey.optional(),
  ressort: RessortCode.optional(),
  goal: GoalId.optional(),
  indicator: IndicatorId.optional(),
  ...PointInTimeQuery,
});
export type ReadingsExportQuery = z.infer<typeof ReadingsExportQuery>;

export const ReadingsImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const ReadingsImportResult = z.object({
  dryRun: z.boolean(),
  /** True only when the rows were written: never when a single row was rejected. */
  applied: z.boolean(),
  created: z.array(z.object({ line: z.number().int(), indicatorId: IndicatorId, value: z.number(), date: z.string() })),
  unchanged: z.number().int(),
  rejected: z.array(ImportProblem),
});
export type ReadingsImportResult = z.infer<typeof ReadingsImportResult>;
