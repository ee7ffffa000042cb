import { z } from 'zod';
import type { User } from '@zielmonitor/shared/schemas/auth';
import { GoalId, IsoDate, type Confidence, type Horizon, type Status } from '@zielmonitor/shared/schemas/common';
import {
  CONFIDENCE_LABELS,
  GOAL_CSV_COLUMNS,
  HORIZON_LABELS,
  STATUS_LABELS,
  type GoalCsvKey,
  type ImportProblem,
  type ImportResult,
} from '@zielmonitor/shared/schemas/goal-csv';
import type { Db } from '../db/database.ts';
import { parseCsv, toGermanDate } from '../lib/csv.ts';
import type { GoalDescription } from '../repositories/goals.ts';
import type { GoalFields } from '../repositories/goal-writes.ts';
import type { Repositories } from '../repositories/index.ts';

const reverse = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [String(label).toLowerCase(), key as K]));
const HORIZON_BY_LABEL = reverse<Horizon>(HORIZON_LABELS);
const CONFIDENCE_BY_LABEL = reverse<Confidence>(CONFIDENCE_LABELS);
const statusLabel = (status: Status | undefined) => (status ? STATUS_LABELS[status] : '');

/** One CSV row per goal, in the columns of GOAL_CSV_COLUMNS. */
export function goalCsvRow(goal: GoalDescription): string[] {
  const values: Record<GoalCsvKey, string> = {
    id: goal.id,
    version: goal.version,
    title: goal.title,
    description: goal.description ?? '',
    leadRessort: goal.leadRessort ?? '',
    coRessorts: goal.coRessorts.join(', '),
    fieldOfAction: goal.fieldOfAction ?? '',
    horizon: HORIZON_LABELS[goal.horizon],
    dueDate: goal.dueDate ? toGermanDate(goal.dueDate) : '',
    dueWording: goal.dueWording ?? '',
    confidenceGoal: CONFIDENCE_LABELS[goal.confidence.goal],
    confidenceRessort: CONFIDENCE_LABELS[goal.confidence.ressort],
    confidenceStatus: CONFIDENCE_LABELS[goal.confidence.status],
    sourceIds: goal.sources.map((s) => s.id).join(', '),
    notes: goal.notes ?? '',
    status: statusLabel(goal.status),
    statusDate: goal.official ? toGermanDate(goal.official.effectiveDate) : '',
    independentStatus: statusLabel(goal.independent?.status),
    independentReporter: goal.independent?.reporter ?? '',
    independentDate: goal.independent ? toGermanDate(goal.independent.effectiveDate) : '',
  };
  return GOAL_CSV_COLUMNS.map((column) => values[column.key]);
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const germanDate = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{4}$/, { error: 'Datum als TT.MM.JJJJ erwartet' })
  .transform((v) => `${v.slice(6, 10)}-${v.slice(3, 5)}-${v.slice(0, 2)}`)
  .pipe(IsoDate);
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

type Cells = Partial<Record<GoalCsvKey, string>>;

/** Validates one row against the schema and the data it refers to; problems name line and column. */
function readRow(
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
  const title = take('title', z.string().trim().min(1, { error: 'Titel fehlt' }).max(500));
  const ressortCode = z.string().refine((code) => repos.ressorts.exists(code), { error: 'unbekanntes Ressort' });
  const leadRessort = take('leadRessort', z.string().transform(orNull).pipe(ressortCode.nullable()));
  const coRessorts = take('coRessorts', z.string().transform(list).pipe(z.array(ressortCode)));
  const horizon = take('horizon', horizonCell);
  const dueDate = take('dueDate', z.union([z.literal('').transform(() => null), germanDate]));
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
    sourceIds === undefined
  ) {
    return { problems };
  }
  return {
    problems,
    goal: {
      id,
      version,
      title,
      description: orNull(cells.description ?? ''),
      leadRessort,
      coRessorts: [...coRessorts].sort(),
      fieldOfAction: orNull(cells.fieldOfAction ?? ''),
      horizon,
      dueDate,
      dueWording: orNull(cells.dueWording ?? ''),
      confidence: { goal: confidenceGoal, ressort: confidenceRessort, status: confidenceStatus },
      sourceIds: [...new Set(sourceIds)].sort(),
      notes: orNull(cells.notes ?? ''),
    },
  };
}

const fieldText: Record<string, (g: GoalFields) => string> = {
  Titel: (g) => g.title,
  Beschreibung: (g) => g.description ?? '',
  'Federführendes Ressort': (g) => g.leadRessort ?? '',
  'Weitere Ressorts': (g) => g.coRessorts.join(', '),
  Handlungsfeld: (g) => g.fieldOfAction ?? '',
  Zeithorizont: (g) => HORIZON_LABELS[g.horizon],
  'Fällig bis': (g) => (g.dueDate ? toGermanDate(g.dueDate) : ''),
  'Fälligkeit laut Quelle': (g) => g.dueWording ?? '',
  'Sicherheit Ziel': (g) => CONFIDENCE_LABELS[g.confidence.goal],
  'Sicherheit Ressort': (g) => CONFIDENCE_LABELS[g.confidence.ressort],
  'Sicherheit Status': (g) => CONFIDENCE_LABELS[g.confidence.status],
  Quellen: (g) => g.sourceIds.join(', '),
  Anmerkungen: (g) => g.notes ?? '',
};

/**
 * Reads an uploaded goal list. A dry run reports what would be created, changed and
 * rejected; a real run writes only when no row is rejected, in one audited transaction.
 */
export function importGoalsCsv(
  db: Db,
  repos: Repositories,
  user: User,
  input: { text: string; version: string; dryRun: boolean; ip: string },
): ImportResult {
  const result: ImportResult = {
    version: input.version,
    dryRun: input.dryRun,
    applied: false,
    created: [],
    changed: [],
    unchanged: 0,
    rejected: [],
  };
  let rows: string[][];
  try {
    rows = parseCsv(input.text);
  } catch (err) {
    result.rejected.push({
      line: (err as { lines?: number }).lines ?? 1,
      column: null,
      message: `CSV nicht lesbar: ${(err as Error).message}`,
    });
    return result;
  }
  const [headerRow, ...dataRows] = rows;
  if (!headerRow || dataRows.length === 0) {
    result.rejected.push({ line: 1, column: null, message: 'Die Datei enthält keine Zeilen unter der Kopfzeile' });
    return result;
  }
  const keyByHeader = new Map<string, GoalCsvKey>(GOAL_CSV_COLUMNS.map((c) => [c.header.toLowerCase(), c.key]));
  const keys = headerRow.map((h) => keyByHeader.get(h.trim().toLowerCase()));
  headerRow.forEach((h, i) => {
    if (keys[i] === undefined) result.rejected.push({ line: 1, column: h, message: 'unbekannte Spalte' });
  });
  for (const column of GOAL_CSV_COLUMNS.filter((c) => c.importable)) {
    if (!keys.includes(column.key)) result.rejected.push({ line: 1, column: column.header, message: 'Spalte fehlt' });
  }
  if (result.rejected.length > 0) return result;

  const known = { sources: new Set(db.prepare('SELECT id FROM sources').pluck().all() as string[]) };
  const seen = new Map<string, number>();
  const planned: { goal: GoalFields; exists: boolean; line: number }[] = [];
  dataRows.forEach((row, index) => {
    const line = index + 2;
    const cells: Cells = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = row[i] ?? '';
    });
    const { goal, problems } = readRow(cells, line, input.version, repos, known);
    result.rejected.push(...problems);
    if (!goal) return;
    const firstLine = seen.get(goal.id);
    if (firstLine !== undefined) {
      result.rejected.push({ line, column: 'ID', message: `doppelt (schon in Zeile ${firstLine})` });
      return;
    }
    seen.set(goal.id, line);
    const existing = repos.goalWrites.get(goal.id);
    if (existing && existing.version !== input.version) {
      result.rejected.push({ line, column: 'ID', message: `gehört zu Version ${existing.version}` });
      return;
    }
    const fields = Object.entries(fieldText)
      .map(([column, text]) => ({ column, before: existing ? text(existing) : '', after: text(goal) }))
      .filter((f) => f.before !== f.after);
    if (!existing) result.created.push({ line, goalId: goal.id, fields });
    else if (fields.length > 0) result.changed.push({ line, goalId: goal.id, fields });
    else result.unchanged += 1;
    if (!existing || fields.length > 0) planned.push({ goal, exists: existing !== undefined, line });
  });

  if (input.dryRun || result.rejected.length > 0) return result;
  db.transaction(() => {
    for (const { goal, exists } of planned) {
      const before = exists ? (repos.goalWrites.get(goal.id) ?? null) : null;
      repos.goalWrites.upsert(goal, exists);
      repos.audit.append({
        actorId: user.id,
        actor: user.email,
        action: exists ? 'goal.update' : 'goal.create',
        entityType: 'goal',
        entityId: goal.id,
        before,
        after: goal,
        ip: input.ip,
      });
    }
    repos.audit.append({
      actorId: user.id,
      actor: user.email,
      action: 'import.goals',
      entityType: 'version',
      entityId: input.version,
      ip: input.ip,
      before: null,
      after: { created: result.created.length, changed: result.changed.length, unchanged: result.unchanged },
    });
  })();
  result.applied = true;
  return result;
}
