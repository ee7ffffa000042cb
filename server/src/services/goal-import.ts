import type { User } from '@zielmonitor/shared/schemas/auth';
import {
  GOAL_CSV_COLUMNS,
  IMPORT_LIMITS,
  type GoalCsvKey,
  type ImportResult,
} from '@zielmonitor/shared/schemas/goal-csv';
import type { Db } from '../db/database.ts';
import { IMPORT_SLICE_MS, parseCsvInSlices, TooManyRows } from '../lib/csv.ts';
import { AppError } from '../lib/errors.ts';
import { timeSlices } from '../lib/time-slices.ts';
import type { GoalFields } from '../repositories/goal-writes.ts';
import type { Repositories } from '../repositories/index.ts';
import { fieldText, readRow, type Cells } from './goal-csv.ts';

const bigNumber = (n: number) => n.toLocaleString('de-DE');
const IMPORT_LIMITS_TEXT = `höchstens ${bigNumber(IMPORT_LIMITS.rows)} Zeilen und ${IMPORT_LIMITS.bytes / 1024 / 1024} MiB je Import`;

export const importTooLarge = () =>
  new AppError(413, 'IMPORT_TOO_LARGE', `Die Datei ist zu groß: ${IMPORT_LIMITS_TEXT}. Bitte aufteilen.`);

type Planned = { goal: GoalFields; line: number };

/**
 * Reads an uploaded goal list. A dry run reports what would be created, changed and rejected; a
 * real run writes only when no row is rejected, in one audited transaction. Parsing and checking
 * run in slices of about 5 ms (a file at the limits takes seconds on a slow machine, and nobody
 * else waits for it); the answer counts every row and lists at most the first 100 of each kind.
 */
export async function importGoalsCsv(
  db: Db,
  repos: Repositories,
  user: User,
  input: { text: string; version: string; dryRun: boolean; ip: string },
): Promise<ImportResult> {
  const result: ImportResult = {
    version: input.version,
    dryRun: input.dryRun,
    applied: false,
    created: [],
    changed: [],
    unchanged: 0,
    rejected: [],
    totals: { created: 0, changed: 0, rejected: 0 },
  };
  const reject = (problem: ImportResult['rejected'][number]) => {
    result.totals.rejected += 1;
    if (result.rejected.length < IMPORT_LIMITS.listed) result.rejected.push(problem);
  };
  let rows: string[][];
  try {
    rows = await parseCsvInSlices(input.text, IMPORT_LIMITS.rows);
  } catch (err) {
    if (err instanceof TooManyRows) throw importTooLarge();
    reject({
      line: (err as { lines?: number }).lines ?? 1,
      column: null,
      message: `CSV nicht lesbar: ${(err as Error).message}`,
    });
    return result;
  }
  const [headerRow, ...dataRows] = rows;
  if (!headerRow || dataRows.length === 0) {
    reject({ line: 1, column: null, message: 'Die Datei enthält keine Zeilen unter der Kopfzeile' });
    return result;
  }
  const keyByHeader = new Map<string, GoalCsvKey>(GOAL_CSV_COLUMNS.map((c) => [c.header.toLowerCase(), c.key]));
  // Files exported before the glossary named the stamp column "Datenstand" still read back.
  keyByHeader.set('datenstand', 'stamp');
  const keys = headerRow.map((h) => keyByHeader.get(h.trim().toLowerCase()));
  headerRow.forEach((h, i) => {
    if (keys[i] === undefined) reject({ line: 1, column: h, message: 'unbekannte Spalte' });
  });
  for (const column of GOAL_CSV_COLUMNS.filter((c) => c.importable)) {
    if (!keys.includes(column.key)) reject({ line: 1, column: column.header, message: 'Spalte fehlt' });
  }
  if (result.totals.rejected > 0) return result;

  const known = { sources: new Set(repos.sources.ids()) };
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  const slices = timeSlices(IMPORT_SLICE_MS);
  for (const [index, row] of dataRows.entries()) {
    if (slices.due()) await slices.pause();
    const line = index + 2;
    const cells: Cells = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = row[i] ?? '';
    });
    const { goal, problems } = readRow(cells, line, input.version, repos, known);
    problems.forEach(reject);
    if (!goal) continue;
    const firstLine = seen.get(goal.id);
    if (firstLine !== undefined) {
      reject({ line, column: 'ID', message: `doppelt (schon in Zeile ${firstLine})` });
      continue;
    }
    seen.set(goal.id, line);
    const existing = repos.goalWrites.get(goal.id);
    if (existing && existing.version !== input.version) {
      reject({ line, column: 'ID', message: `gehört zu Version ${existing.version}` });
      continue;
    }
    const fields = Object.entries(fieldText)
      .map(([column, text]) => ({ column, before: existing ? text(existing) : '', after: text(goal) }))
      .filter((f) => f.before !== f.after);
    const list = !existing ? 'created' : fields.length > 0 ? 'changed' : null;
    if (list === null) result.unchanged += 1;
    else {
      result.totals[list] += 1;
      if (result[list].length < IMPORT_LIMITS.listed) result[list].push({ line, goalId: goal.id, fields });
      planned.push({ goal, line });
    }
  }

  if (input.dryRun || result.totals.rejected > 0) return result;
  write(db, repos, user, input, planned, result);
  result.applied = true;
  return result;
}

/**
 * One transaction: each goal as it stands at this moment (another import may have run while this
 * one was being checked) is written and audited, then the import as a whole.
 */
function write(
  db: Db,
  repos: Repositories,
  user: User,
  input: { version: string; ip: string },
  planned: Planned[],
  result: ImportResult,
): void {
  db.transaction(() => {
    for (const { goal, line } of planned) {
      const before = repos.goalWrites.get(goal.id) ?? null;
      if (before && before.version !== input.version)
        throw new AppError(
          409,
          'IMPORT_CONFLICT',
          `Zeile ${line}: ${goal.id} gehört inzwischen zu Version ${before.version}`,
        );
      repos.goalWrites.upsert(goal, before !== null);
      repos.audit.append({
        actorId: user.id,
        actor: user.email,
        action: before ? 'goal.update' : 'goal.create',
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
      after: { created: result.totals.created, changed: result.totals.changed, unchanged: result.unchanged },
    });
  })();
}
