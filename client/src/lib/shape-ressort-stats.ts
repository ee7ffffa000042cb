import type { Status } from '@zielmonitor/shared/schemas/common';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import { compareKeys } from '@zielmonitor/shared/vocabulary/compare-keys';
import { compareRessorts, UNKNOWN_RESSORT } from '@zielmonitor/shared/vocabulary/ressort-order';
import { STATUS_ORDER } from './status.ts';

export type RessortRow = {
  code: string;
  label: string;
  name: string;
  total: number;
  achieved: number;
  rate: number;
  /** Always 0: the chart's last, empty series, which carries the rate label after each bar. */
  end: 0;
} & Record<Status, number>;

/** Chart and table rows: one per Ressort, sorted by fulfilment rate, then size; unknown last. */
export function toRessortRows(items: RessortStat[], unknownLabel: string): RessortRow[] {
  return [...items].sort(compareRessorts).map((item) => ({
    code: item.ressort,
    label: item.ressort === UNKNOWN_RESSORT ? unknownLabel : item.ressort,
    name: item.ressort === UNKNOWN_RESSORT ? unknownLabel : (item.ressortName ?? item.ressort),
    total: item.total,
    rate: item.fulfilmentRate,
    end: 0 as const,
    ...(Object.fromEntries(STATUS_ORDER.map((status) => [status, item.byStatus[status]])) as Record<Status, number>),
  }));
}

/** The chart's plot height for a number of Ressort rows (the caption below adds its own). */
export const ressortChartHeight = (rowCount: number) => Math.max(160, rowCount * 44 + 80);

/** The statuses any row has goals in, in stacking order: the chart draws a series for each of these only. */
export function presentStatuses(rows: RessortRow[]): Status[] {
  return STATUS_ORDER.filter((status) => rows.some((row) => row[status] > 0));
}

/** Every Ressort with goals and none achieved — "unknown" is not a Ressort and is left out. */
export function zeroAchievementRessorts(items: RessortStat[]): RessortStat[] {
  return items
    .filter((item) => item.ressort !== UNKNOWN_RESSORT && item.total > 0 && item.achieved === 0)
    .sort((a, b) => b.total - a.total || compareKeys(a.ressort, b.ressort));
}

/**
 * The key figures: one per status that any Ressort has goals in (achieved always), each the sum of
 * its column in the per-Ressort table — so a headline never says more or other than the table.
 */
export function headlineFigures(items: RessortStat[]): { status: Status; goals: number }[] {
  const sums = headline(items);
  return STATUS_ORDER.filter((status) => status === 'achieved' || sums[status] > 0).map((status) => ({
    status,
    goals: sums[status],
  }));
}

/** The chart's summary facts: Ressorts (goals without one are not a Ressort), the best rate if any goal is achieved. */
export function chartFacts(rows: RessortRow[]): { ressorts: number; best: RessortRow | null; unassigned: number } {
  const ressorts = rows.filter((row) => row.code !== 'unknown');
  const best = ressorts.reduce<RessortRow | null>((top, row) => (row.rate > (top?.rate ?? 0) ? row : top), null);
  return {
    ressorts: ressorts.length,
    best,
    unassigned: rows.find((row) => row.code === 'unknown')?.total ?? 0,
  };
}

/** Headline numbers over all Ressorts of the version. */
export function headline(items: RessortStat[]): Record<Status, number> & { total: number } {
  const sum = (status: Status) => items.reduce((n, item) => n + item.byStatus[status], 0);
  return {
    total: items.reduce((n, item) => n + item.total, 0),
    ...(Object.fromEntries(STATUS_ORDER.map((status) => [status, sum(status)])) as Record<Status, number>),
  };
}
