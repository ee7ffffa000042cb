import type { Status, Track } from '@zielmonitor/shared/schemas/common';
import type { TimelinePoint } from '@zielmonitor/shared/schemas/timeline';
import { emptyByStatus } from '@zielmonitor/shared/schemas/stats';
import type { Db } from '../db/database.ts';
import { VERSION_AND_RESSORT, statusOnTrack, type PointInTime } from './current-status-sql.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The last day of every month or quarter from the one containing `from` to the one
 * containing `to`, capped at `to` (so the last point is "as of to", not a future date).
 */
export function periodEnds(from: string, to: string, interval: 'month' | 'quarter'): string[] {
  const step = interval === 'month' ? 1 : 3;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  if (interval === 'quarter') month = Math.ceil(month / 3) * 3;
  const ends: string[] = [];
  for (;;) {
    const end = `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
    if (end >= to) {
      ends.push(to);
      return ends;
    }
    ends.push(end);
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
}

export function createTimelineRepository(db: Db) {
  const countAt = db.prepare<[PointInTime & { version: string; ressort: string | null; track: Track }], { status: Status; goals: number }>(`
    SELECT status, count(*) AS goals FROM (${statusOnTrack(VERSION_AND_RESSORT, { dueDate: false })}) GROUP BY status`);

  return {
    /** Status counts as of each period end; one index-backed aggregation per point. */
    timeline(query: { version: string; ressort: string | null; track: Track; ends: string[]; knownAt: string }): TimelinePoint[] {
      return query.ends.map((date) => {
        const byStatus = emptyByStatus();
        let total = 0;
        for (const row of countAt.all({ ...query, asOf: date })) {
          byStatus[row.status] += row.goals;
          total += row.goals;
        }
        return { date, total, byStatus };
      });
    },
  };
}
