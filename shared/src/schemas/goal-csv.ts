import { z } from 'zod';
import { VersionKey } from './common.ts';
import { GoalsQuery } from './goal.ts';

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
  { key: 'status', header: 'Status laut Landesregierung', importable: false },
  { key: 'statusDate', header: 'gilt ab (Landesregierung)', importable: false },
  { key: 'independentStatus', header: 'Unabhängige Einschätzung', importable: false },
  { key: 'independentReporter', header: 'Einschätzung von', importable: false },
  { key: 'independentDate', header: 'gilt ab (unabhängige Einschätzung)', importable: false },
  // Every row carries the export's stamp: a table that is copied on its own still says what it is.
  { key: 'stamp', header: 'Stand und Grundlage', importable: false },
  { key: 'citation', header: 'Link zum Zitieren', importable: false },
] as const;
export type GoalCsvKey = (typeof GOAL_CSV_COLUMNS)[number]['key'];

/** Export takes the goal list's filters and sort, without paging: it exports what the table shows. */
export const ExportQuery = GoalsQuery.omit({ limit: true, offset: true, responsible: true, reportable: true });
export type ExportQuery = z.infer<typeof ExportQuery>;

/**
 * What one import may hold: the official lists have 44 and 78 goals, so 2,000 rows leave ample room
 * while parsing and checking stay well under a second. Above either limit the upload answers 413.
 * The answer lists at most `listed` rows per kind and counts all of them in `totals`.
 */
export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 2000, listed: 100 } as const;

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
  /** Every created, changed and rejected row; the lists above hold at most the first 100 of each. */
  totals: z.object({ created: z.number().int(), changed: z.number().int(), rejected: z.number().int() }),
});
export type ImportResult = z.infer<typeof ImportResult>;
