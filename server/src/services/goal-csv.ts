import { z } from 'zod';
import { multiLineText } from '@zielmonitor/shared/schemas/text';
import { GoalId, type Confidence, type Horizon, type Status } from '@zielmonitor/shared/schemas/common';
import {
  CONFIDENCE_LABEL_DE as CONFIDENCE_LABELS,
  HORIZON_LABEL_DE as HORIZON_LABELS,
  STATUS_LABEL_DE as STATUS_LABELS,
} from '@zielmonitor/shared/vocabulary/labels';
import { GOAL_CSV_COLUMNS, type GoalCsvKey, type ImportProblem } from '@zielmonitor/shared/schemas/goal-csv';
import type { ExportStamp } from './export-stamp.ts';
import { germanStatedDate, toGermanDate } from '../lib/csv.ts';
import type { GoalDescription } from '../repositories/goals.ts';
import type { GoalFields } from '../repositories/goal-writes.ts';
import type { Repositories } from '../repositories/index.ts';

const reverse = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [String(label).toLowerCase(), key as K]));
// Files exported before the horizon label was „nicht belegt“ said „unbekannt“: both read back.
const HORIZON_BY_LABEL = reverse<Horizon>(HORIZON_LABELS).set('unbekannt', 'unknown');
const CONFIDENCE_BY_LABEL = reverse<Confidence>(CONFIDENCE_LABELS);
const statusLabel = (status: Status | undefined) => (status ? STATUS_LABELS[status] : '');

/** One CSV row per goal, in the columns of GOAL_CSV_COLUMNS, each with the export's stamp. */
export function goalCsvRow(goal: GoalDescription, stamp: ExportStamp): string[] {
  const values: Record<GoalCsvKey, string> = {
    id: goal.id,
    version: goal.version,
    title: goal.title,
    description: goal.description ?? '',
    leadRessort: goal.leadRessort ?? '',
    coRessorts: goal.coRessorts.join(', '),
    fieldOfAction: goal.fieldOfAction ?? '',
    horizon: HORIZON_LABELS[goal.horizon],
    dueDate: goal.dueDate ? toGermanDate(goal.dueDate, goal.dueDatePrecision) : '',
    dueWording: goal.dueWording ?? '',
    confidenceGoal: CONFIDENCE_LABELS[goal.confidence.goal],
    confidenceRessort: CONFIDENCE_LABELS[goal.confidence.ressort],
    confidenceStatus: CONFIDENCE_LABELS[goal.confidence.status],
    sourceIds: goal.sources.map((s) => s.id).join(', '),
    notes: goal.notes ?? '',
    status: statusLabel(goal.status),
    statusDate: goal.official ? toGermanDate(goal.official.effectiveDate, goal.official.effectiveDatePrecision) : '',
    independentStatus: statusLabel(goal.independent?.status),
    independentReporter: goal.independent?.reporter ?? '',
    independentDate: goal.independent
      ? toGermanDate(goal.independent.effectiveDate, goal.independent.effectiveDatePrecision)
      : '',
    stamp: stamp.text,
    citation: stamp.citableUrl,
  };
  return GOAL_CSV_COLUMNS.map((column) => values[column.key]);
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const label = <K extends string>(byLabel: Map<string, K>, allowed: string) =>
  z.string().transform((v, ctx): K => {
    const key = byLabel.get(v.trim().toLowerCase());
    if (!key) {
      ctx.addIssue({ code: 'custom', message: `erwartet: ${allowed}` });
      return z.NEVER;
    }
    return key;
  });

const horizonCell = label(HORIZON_BY_LABEL, Object.values(HORIZON_LABELS).join(', '));
const confidenceCell = label(CONFIDENCE_BY_LABEL, Object.values(CONFIDENCE_LABELS).join(', '));

export type Cells = Partial<Record<GoalCsvKey, string>>;

/** Validates one row against the schema and the data it refers to; problems name line and column. */
export function readRow(
  cells: Cells,
  line: number,
  version: string,
  repos: Repositories,
  known: { sources: Set<string> },
): { goal?: GoalFields; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = (key: GoalCsvKey) => GOAL_CSV_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const take = <T>(key: GoalCsvKey, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(cells[key] ?? '');
    if (parsed.success) return parsed.data;
    problems.push({ line, column: header(key), message: parsed.error.issues[0]?.message ?? 'ungültig' });
    return undefined;
  };
  const id = take('id', GoalId);
  const rowVersion = take('version', z.literal(version, { error: `die Datei wird als Version ${version} eingelesen` }));
  const title = take('title', multiLineText().trim().min(1, { error: 'Titel fehlt' }).max(500));
  // Free text may span lines (Alt+Enter in Excel) but carries no other control character.
  const text = (key: GoalCsvKey) => take(key, multiLineText().max(10_000).transform(orNull));
  const description = text('description');
  const fieldOfAction = text('fieldOfAction');
  const dueWording = text('dueWording');
  const notes = text('notes');
  const ressortCode = z.string().refine((code) => repos.ressorts.exists(code), { error: 'unbekanntes Ressort' });
  const leadRessort = take('leadRessort', z.string().transform(orNull).pipe(ressortCode.nullable()));
  const coRessorts = take('coRessorts', z.string().transform(list).pipe(z.array(ressortCode)));
  const horizon = take('horizon', horizonCell);
  const dueDate = take('dueDate', z.union([z.literal('').transform(() => null), germanStatedDate]));
  const confidenceGoal = take('confidenceGoal', confidenceCell);
  const confidenceRessort = take('confidenceRessort', confidenceCell);
  const confidenceStatus = take('confidenceStatus', confidenceCell);
  const sourceIds = take(
    'sourceIds',
    z
      .string()
      .transform(list)
      .pipe(
        z
          .array(z.string().refine((s) => known.sources.has(s), { error: 'unbekannte Quelle' }))
          .min(1, { error: 'jedes Ziel braucht mindestens eine Quelle' }),
      ),
  );
  if (
    problems.length > 0 ||
    id === undefined ||
    rowVersion === undefined ||
    title === undefined ||
    leadRessort === undefined ||
    coRessorts === undefined ||
    horizon === undefined ||
    dueDate === undefined ||
    confidenceGoal === undefined ||
    confidenceRessort === undefined ||
    confidenceStatus === undefined ||
    sourceIds === undefined ||
    description === undefined ||
    fieldOfAction === undefined ||
    dueWording === undefined ||
    notes === undefined
  ) {
    return { problems };
  }
  return {
    problems,
    goal: {
      id,
      version,
      title,
      description,
      leadRessort,
      coRessorts: [...coRessorts].sort(),
      fieldOfAction,
      horizon,
      dueDate: dueDate?.day ?? null,
      dueDatePrecision: dueDate?.precision ?? 'day',
      dueWording,
      confidence: { goal: confidenceGoal, ressort: confidenceRessort, status: confidenceStatus },
      sourceIds: [...new Set(sourceIds)].sort(),
      notes,
    },
  };
}

/** Each importable column as the diff of a dry run shows it. */
export const fieldText: Record<string, (g: GoalFields) => string> = {
  Titel: (g) => g.title,
  Beschreibung: (g) => g.description ?? '',
  'Federführendes Ressort': (g) => g.leadRessort ?? '',
  'Weitere Ressorts': (g) => g.coRessorts.join(', '),
  Handlungsfeld: (g) => g.fieldOfAction ?? '',
  Zeithorizont: (g) => HORIZON_LABELS[g.horizon],
  'Fällig bis': (g) => (g.dueDate ? toGermanDate(g.dueDate, g.dueDatePrecision) : ''),
  'Fälligkeit laut Quelle': (g) => g.dueWording ?? '',
  'Sicherheit Ziel': (g) => CONFIDENCE_LABELS[g.confidence.goal],
  'Sicherheit Ressort': (g) => CONFIDENCE_LABELS[g.confidence.ressort],
  'Sicherheit Status': (g) => CONFIDENCE_LABELS[g.confidence.status],
  Quellen: (g) => g.sourceIds.join(', '),
  Anmerkungen: (g) => g.notes ?? '',
};
