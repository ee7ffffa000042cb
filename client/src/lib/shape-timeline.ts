import type { Status } from '@zielmonitor/shared/schemas/common';
import type { TimelinePoint } from '@zielmonitor/shared/schemas/timeline';
import { STATUS_ORDER } from './status.ts';

export type TimelineRow = { date: string; total: number } & Record<Status, number>;

/** One row per period end with a count per status, in stacking order. */
export function toTimelineRows(points: TimelinePoint[]): TimelineRow[] {
  return points.map((p) => ({
    date: p.date,
    total: p.total,
    ...(Object.fromEntries(STATUS_ORDER.map((s) => [s, p.byStatus[s]])) as Record<Status, number>),
  }));
}

/** What changed between the first and the last point, in words for the chart's text summary. */
export function timelineSummary(
  rows: TimelineRow[],
): { from: string; to: string; achievedFrom: number; achievedTo: number; total: number } | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return null;
  return {
    from: first.date,
    to: last.date,
    achievedFrom: first.achieved,
    achievedTo: last.achieved,
    total: last.total,
  };
}
