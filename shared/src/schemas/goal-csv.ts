import { z } from 'zod';
import type { Confidence, Horizon, Status } from './common.ts';
import { VersionKey } from './common.ts';
import { GoalsQuery } from './goal.ts';

/** German labels used in exports; each maps back one to one on import. */
export const HORIZON_LABELS: Record<Horizon, string> = {
  short: 'kurzfristig',
  medium: 'mittelfristig',
  long: 'langfristig',
  unknown: 'unbekannt',
};
export const STATUS_LABELS: Record<Status, string> = {
  unknown: 'unbekannt',
  planned: 'geplant',
  in_progress: 'in Umsetzung',
  partially_achieved: 'teilweise erreicht',
  achieved: 'erreicht',
  missed: 'verfehlt',
  dropped: 'aufgegeben',
};
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: 'hoch',
  medium: 'mittel',
  low: 'niedrig',
  unknown: 'unbekannt',
};

/**
 * The columns of the goal CSV, in order. `importable` columns are read back by the import;
 * the status columns are the record's current state and are ignored on import (status
 * changes are reports with evidence, not spreadsheet edits).
 */
export const GOAL_CSV_COLUMNS = [
  { key: 'id', header: 'ID', importable: true },
  { key: 'version', header: 'Version', importable: true },
  { key: 'title', header: 'Titel', importable: true },
  { key: 'description', header: 'Beschreibung', importable: true },
  { key: 'leadRessort', header: 'Federführendes Ressort', importable: true },
  { key: 'coRessorts', header: 'Weitere Ressorts', importable: true },
  { key: 'fieldOfAction', header: 'Handlungsfeld', importable: true },
  { key: 'horizon', header: 'Zeithorizont', importable: true },
  { key: 'dueDate', header: 'Fällig bis', importable: true },
  { key: 'dueWording', header: 'Fälligkeit laut Quelle', importable: true },
  { key: 'confidenceGoal', header: 'Sicherheit Ziel', importable: true },
  { key: 'confidenceRessort', header: 'Sicherheit Ressort', importable: true },
  { key: 'confidenceStatus', header: 'Sicherheit Status', importable: true },
  { key: 'sourceIds', header: 'Quellen', importable: true },
  { key: 'notes', header: 'Anmerkungen', importable: true },
  { key: 'status', header: 'Status (Landesregierung)', importable: false },
  { key: 'statusDate', header: 'Stand (Landesregierung)', importable: false },
  { key: 'independentStatus', header: 'Status (unabhängig)', importable: false },
  { key: 'independentReporter', header: 'Einschätzung von', importable: false },
  { key: 'independentDate', header: 'Stand (unabhängig)', importable: false },
] as const;
export type GoalCsvKey = (typeof GOAL_CSV_COLUMNS)[number]['key'];

/** Export takes the goal list's filters and sort, without paging: it exports what the table shows. */
export const ExportQuery = GoalsQuery.omit({ limit: true, offset: true });
export type ExportQuery = z.infer<typeof ExportQuery>;

export const ImportQuery = z.strictObject({
  version: VersionKey,
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type ImportQueryInput = z.input<typeof ImportQuery>;

export const ImportProblem = z.object({
  /** 1-based line in the file (the header is line 1). */
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportChange = z.object({
  line: z.number().int(),
  goalId: z.string(),
  fields: z.array(z.object({ column: z.string(), before: z.string(), after: z.string() })),
});

export const ImportResult = z.object({
  version: VersionKey,
  dryRun: z.boolean(),
  /** True only when the rows were written: never when a single row was rejected. */
  applied: z.boolean(),
  created: z.array(ImportChange),
  changed: z.array(ImportChange),
  unchanged: z.number().int(),
  rejected: z.array(ImportProblem),
});
export type ImportResult = z.infer<typeof ImportResult>;
