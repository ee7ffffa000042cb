import type { User } from '@zielmonitor/shared/schemas/auth';
import type { ImportProblem } from '@zielmonitor/shared/schemas/goal-csv';
import {
  QUALIFIER_LABELS,
  READING_CSV_COLUMNS,
  TRACK_LABELS,
  type ReadingCsvKey,
  type ReadingsImportResult,
} from '@zielmonitor/shared/schemas/indicator-csv';
import type { Qualifier } from '@zielmonitor/shared/indicators/trajectory';
import type { Track } from '@zielmonitor/shared/schemas/common';
import { countingDay, precisionOf } from '@zielmonitor/shared/time/partial-date';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { Db } from '../db/database.ts';
import { parseCsv } from '../lib/csv.ts';
import { AppError } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { NewReading } from '../repositories/indicator-writes.ts';
import type { Repositories } from '../repositories/index.ts';
import { checkValue } from './indicator-readings.ts';
import { toReading, pathOf } from './indicators.ts';
import { parseStatedCell, readingCsvRow } from './indicator-csv-row.ts';

const byLabel = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [String(label).toLowerCase(), key as K]));
const QUALIFIER_BY_LABEL = byLabel<Qualifier>(QUALIFIER_LABELS);
const TRACK_BY_LABEL = byLabel<Track>(TRACK_LABELS);
const IMPORTED: ReadingCsvKey[] = READING_CSV_COLUMNS.filter((c) => c.importable && c.key !== 'id').map((c) => c.key);
const header = (key: ReadingCsvKey) => READING_CSV_COLUMNS.find((c) => c.key === key)?.header ?? key;

type Cells = Partial<Record<ReadingCsvKey, string>>;

/** A new reading from a row, or the problems naming line and column. */
function readNewRow(repos: Repositories, cells: Cells, line: number, sources: Set<string>) {
  const problems: ImportProblem[] = [];
  const problem = (key: ReadingCsvKey, message: string) => problems.push({ line, column: header(key), message });
  const cell = (key: ReadingCsvKey) => (cells[key] ?? '').trim();
  const indicator = repos.indicators.get(cell('indicatorId'));
  if (!indicator) problem('indicatorId', 'unbekannte Kennzahl');
  const rawValue = cell('value');
  const value = /^-?\d+(,\d+)?$/.test(rawValue) ? Number(rawValue.replace(',', '.')) : null;
  if (value === null) problem('value', 'Zahl mit Dezimalkomma erwartet, z. B. 98,7');
  if (indicator && value !== null) {
    try {
      checkValue(indicator.unit, value, 'value');
    } catch (err) {
      problem('value', err instanceof AppError ? (err.issues?.[0]?.message ?? err.message) : 'ungültig');
    }
  }
  const qualifier = QUALIFIER_BY_LABEL.get(cell('qualifier').toLowerCase());
  if (!qualifier) problem('qualifier', `erwartet: ${Object.values(QUALIFIER_LABELS).join(', ')}`);
  const stated = parseStatedCell(cell('date'));
  if (!stated) problem('date', 'Datum als TT.MM.JJJJ, MM/JJJJ oder JJJJ erwartet');
  else if (countingDay(stated) > todayInBerlin()) problem('date', 'Der Zeitraum ist noch nicht vorbei');
  const track = TRACK_BY_LABEL.get(cell('track').toLowerCase());
  if (!track) problem('track', `erwartet: ${Object.values(TRACK_LABELS).join(', ')}`);
  if (!cell('reporter')) problem('reporter', 'Wer hat den Wert gemeldet?');
  if (cell('sourceId') && !sources.has(cell('sourceId'))) problem('sourceId', 'unbekannte Quelle');
  if (cell('evidenceUrl') && !/^https?:\/\/\S+$/.test(cell('evidenceUrl')))
    problem('evidenceUrl', 'Web-Adresse mit http:// oder https://');
  if (!cell('sourceId') && !cell('evidenceUrl') && !cell('evidenceReference')) {
    problem('sourceId', 'Jeder Messwert braucht eine Quelle oder einen Beleg');
  }
  if (problems.length > 0 || !indicator || value === null || !qualifier || !stated || !track) return { problems };
  const orNull = (key: ReadingCsvKey) => cell(key) || null;
  const reading: Omit<NewReading, 'recordedAt' | 'reportedByUserId' | 'releasedByUserId' | 'indicatorRevision'> = {
    indicatorId: indicator.id,
    value,
    qualifier,
    valueWording: orNull('valueWording'),
    date: countingDay(stated),
    datePrecision: precisionOf(stated),
    dateWording: orNull('dateWording'),
    reporter: cell('reporter'),
    track,
    note: orNull('note'),
    sourceId: orNull('sourceId'),
    evidenceUrl: orNull('evidenceUrl'),
    evidenceReference: orNull('evidenceReference'),
  };
  return { problems, reading };
}

/**
 * Reads an uploaded readings file. Rows with a Messwert-ID must equal the recorded reading
 * (readings are never edited: a correction is its own step); rows without one are new readings.
 * A dry run reports; a real run writes all new readings in one audited transaction, or nothing.
 */
export function importReadingsCsv(
  db: Db,
  repos: Repositories,
  user: User,
  input: { text: string; dryRun: boolean; ip: string },
): ReadingsImportResult {
  const result: ReadingsImportResult = {
    dryRun: input.dryRun,
    applied: false,
    created: [],
    unchanged: 0,
    rejected: [],
  };
  let rows: string[][];
  try {
    rows = parseCsv(input.text);
  } catch (err) {
    result.rejected.push({ line: 1, column: null, message: `CSV nicht lesbar: ${(err as Error).message}` });
    return result;
  }
  const [headerRow, ...dataRows] = rows;
  if (!headerRow || dataRows.length === 0) {
    result.rejected.push({ line: 1, column: null, message: 'Die Datei enthält keine Zeilen unter der Kopfzeile' });
    return result;
  }
  const keyByHeader = new Map<string, ReadingCsvKey>(READING_CSV_COLUMNS.map((c) => [c.header.toLowerCase(), c.key]));
  const keys = headerRow.map((h) => keyByHeader.get(h.trim().toLowerCase()));
  headerRow.forEach((h, i) => {
    if (keys[i] === undefined) result.rejected.push({ line: 1, column: h, message: 'unbekannte Spalte' });
  });
  for (const column of READING_CSV_COLUMNS.filter((c) => c.importable)) {
    if (!keys.includes(column.key)) result.rejected.push({ line: 1, column: column.header, message: 'Spalte fehlt' });
  }
  if (result.rejected.length > 0) return result;

  const sources = new Set(db.prepare('SELECT id FROM sources').pluck().all() as string[]);
  const planned: NonNullable<ReturnType<typeof readNewRow>['reading']>[] = [];
  const seen = new Map<string, number>();
  dataRows.forEach((row, index) => {
    const line = index + 2;
    const cells: Cells = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = row[i] ?? '';
    });
    const id = (cells.id ?? '').trim();
    if (id) {
      const first = seen.get(id);
      if (first !== undefined) {
        result.rejected.push({ line, column: header('id'), message: `doppelt (schon in Zeile ${first})` });
        return;
      }
      seen.set(id, line);
      const existing = /^\d+$/.test(id) ? repos.indicators.reading(Number(id), NOW) : undefined;
      const indicator = existing && repos.indicators.get(existing.indicatorId);
      if (!existing || !indicator) {
        result.rejected.push({
          line,
          column: header('id'),
          message: 'unbekannte Messwert-ID; neue Messwerte ohne ID einlesen',
        });
        return;
      }
      const recorded = readingCsvRow(
        indicator,
        toReading(existing, pathOf(repos.indicators.targets(indicator.id)), indicator.direction),
      );
      const differs = IMPORTED.find(
        (key) =>
          (cells[key] ?? '').trim() !== (recorded[READING_CSV_COLUMNS.findIndex((c) => c.key === key)] ?? '').trim(),
      );
      if (differs) {
        result.rejected.push({
          line,
          column: header(differs),
          message:
            'Gespeicherte Messwerte werden nicht geändert; eine Berichtigung ist ein eigener Schritt auf der Kennzahlseite',
        });
        return;
      }
      result.unchanged += 1;
      return;
    }
    const { problems, reading } = readNewRow(repos, cells, line, sources);
    result.rejected.push(...problems);
    if (reading) {
      planned.push(reading);
      result.created.push({ line, indicatorId: reading.indicatorId, value: reading.value, date: reading.date });
    }
  });

  if (input.dryRun || result.rejected.length > 0) return result;
  const now = new Date().toISOString();
  db.transaction(() => {
    const revisions = new Map<string, number>();
    for (const reading of planned) {
      let revision = revisions.get(reading.indicatorId);
      if (revision === undefined) {
        const current = repos.indicatorWrites.revision(reading.indicatorId) ?? 0;
        repos.indicatorWrites.bump(reading.indicatorId, current, now);
        revision = current + 1;
        revisions.set(reading.indicatorId, revision);
      }
      const id = repos.indicatorWrites.appendReading({
        ...reading,
        recordedAt: now,
        reportedByUserId: user.id,
        // The administration imports published sources: entered directly, no release (README).
        releasedByUserId: null,
        indicatorRevision: revision,
      });
      repos.audit.append({
        actorId: user.id,
        actor: user.email,
        action: 'indicator.reading.import',
        entityType: 'indicator',
        entityId: reading.indicatorId,
        ip: input.ip,
        before: null,
        after: { id, ...reading },
      });
    }
    repos.audit.append({
      actorId: user.id,
      actor: user.email,
      action: 'import.indicator-readings',
      entityType: 'indicator',
      entityId: [...revisions.keys()].join(', ') || '–',
      ip: input.ip,
      before: null,
      after: { created: result.created.length, unchanged: result.unchanged },
    });
  }).immediate();
  result.applied = true;
  return result;
}
