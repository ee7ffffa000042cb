import type { SourceRef, Track } from '@zielmonitor/shared/schemas/common';
import type {
  IndicatorDetail,
  IndicatorRating,
  IndicatorSummary,
  IndicatorsQuery,
  Reading,
  TargetPoint,
} from '@zielmonitor/shared/schemas/indicator';
import { plannedPath, rateLatest, rateReading, type PlanPoint } from '@zielmonitor/shared/indicators/trajectory';
import type { Cutoff } from '../repositories/current-status-sql.ts';
import type { IndicatorRow, ReadingRow, TargetRow } from '../repositories/indicator-rows.ts';
import type { IndicatorsRepository } from '../repositories/indicators.ts';

const toPlan = (targets: TargetRow[]): PlanPoint[] =>
  targets.map((t) => ({ kind: t.kind, date: t.date, value: t.value }));

const toTargetPoint = (t: TargetRow): TargetPoint => t;

/** A reading as the API shows it: rated on its own date against the planned path. */
export const toReading = (
  { reportedByUserId: _user, organisation: _organisation, ...r }: ReadingRow,
  path: PlanPoint[] | null,
  direction: IndicatorRow['direction'],
): Reading => ({ ...r, rating: rateReading(r, path, direction) });

/** The path of an indicator from its stored target points. */
export const pathOf = (targets: TargetRow[]) => plannedPath(toPlan(targets));

function rating(
  latest: ReadingRow | undefined,
  path: PlanPoint[] | null,
  row: IndicatorRow,
  reference: string,
): IndicatorRating {
  const { reading, ...rest } = rateLatest(latest ? [latest] : [], path, row.direction, reference);
  return {
    ...rest,
    reading: reading && {
      id: reading.id,
      value: reading.value,
      qualifier: reading.qualifier,
      date: reading.date,
      datePrecision: reading.datePrecision,
      reporter: reading.reporter,
    },
  };
}

/**
 * An indicator with its goals, baseline and target, and its rating on each track: the latest
 * reading that still counts at the point in time, against the planned path, judged on `reference`
 * (the as-of date or today: no reading within 24 months of it means "not assessable").
 */
function summarize(
  indicators: IndicatorsRepository,
  row: IndicatorRow,
  at: Cutoff,
  reference: string,
): IndicatorSummary & { targetRows: TargetRow[]; path: PlanPoint[] | null } {
  const targetRows = indicators.targets(row.id);
  const path = plannedPath(toPlan(targetRows));
  const onTrack = (track: Track) => rating(indicators.latest(row.id, track, at), path, row, reference);
  return {
    id: row.id,
    name: row.name,
    measure: row.measure,
    unit: row.unit,
    unitSingular: row.unit_singular,
    unitPlural: row.unit_plural,
    direction: row.direction,
    note: row.note,
    goals: indicators.goals(row.id),
    baseline: targetRows.find((t) => t.kind === 'baseline') ?? null,
    target: targetRows.find((t) => t.kind === 'target') ?? null,
    rating: { official: onTrack('official'), independent: onTrack('independent') },
    revision: row.revision,
    targetRows,
    path,
  };
}

const publicSummary = ({
  targetRows: _targets,
  path: _path,
  ...summary
}: ReturnType<typeof summarize>): IndicatorSummary => summary;

export function listIndicators(
  indicators: IndicatorsRepository,
  query: IndicatorsQuery,
  at: Cutoff,
  reference: string,
): IndicatorSummary[] {
  return indicators.list(query).map((row) => publicSummary(summarize(indicators, row, at, reference)));
}

/** One indicator with every target point, the path, every reading (each rated on its own date) and its sources. */
export function indicatorDetail(
  indicators: IndicatorsRepository,
  id: string,
  at: Cutoff,
  reference: string,
  canReport: boolean,
  limit = 250,
):
  | Omit<IndicatorDetail, 'at' | 'review' | 'canAssess' | 'replies' | 'repliableReadingIds' | 'correctableReplyIds'>
  | undefined {
  const row = indicators.get(id);
  if (!row) return undefined;
  const { targetRows, path, ...summary } = summarize(indicators, row, at, reference);
  const readings = indicators.readings(id, at, limit).map((r) => toReading(r, path, row.direction));
  const sources = new Map<string, SourceRef>();
  for (const s of [...targetRows.map((t) => t.source), ...readings.map((r) => r.source)]) {
    if (s) sources.set(s.id, s);
  }
  return {
    ...summary,
    targets: targetRows.map(toTargetPoint),
    path: path ?? [],
    readings,
    readingsTotal: indicators.recordedReadings(id, at),
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id, 'de', { numeric: true })),
    canReport,
  };
}
