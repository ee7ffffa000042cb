import type { Status, Track } from '@zielmonitor/shared/schemas/common';
import type { TimelinePoint } from '@zielmonitor/shared/schemas/timeline';
import { emptyByStatus, type ByStatus } from '@zielmonitor/shared/schemas/stats';
import type { Db } from '../db/database.ts';
import { timeSlices } from '../lib/time-slices.ts';
import { VERSION_AND_RESSORT, ressortMatches, statusOnTrack, type Cutoff } from './current-status-sql.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Whether a YYYY-MM-DD date is the last day of its month. */
export const isMonthEnd = (date: string) =>
  Number(date.slice(8, 10)) === lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));

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

/** In `month` (YYYY-MM), `goals` goals moved from previousStatus (their status at the end of their previous month with events) to status. */
export type MonthTransition = { month: string; status: Status; previousStatus: Status; goals: number };

/**
 * Pure post-processing of the month-end summary: every goal starts `unknown`; each transition
 * moves its goals from previousStatus to status in its month, so the counts at the end of a month
 * are the running sum over the months up to it. `transitions` must be in month order (the query
 * reads them so); `months` may be in any order and is answered in its own order.
 */
export function countsAtMonthEnds(
  goalCount: number,
  transitions: MonthTransition[],
  months: string[],
): { total: number; byStatus: ByStatus }[] {
  transitions.forEach((t, i) => {
    const before = transitions[i - 1];
    if (before && before.month > t.month)
      throw new Error(`transitions out of month order: ${before.month} before ${t.month}`);
  });
  const order = months
    .map((month, index) => ({ month, index }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const counts = emptyByStatus();
  counts.unknown = goalCount;
  const result = new Array<{ total: number; byStatus: ByStatus }>(months.length);
  let next = 0;
  for (const { month, index } of order) {
    for (let t = transitions[next]; t && t.month <= month; t = transitions[++next]) {
      counts[t.previousStatus] -= t.goals;
      counts[t.status] += t.goals;
    }
    result[index] = { total: goalCount, byStatus: { ...counts } };
  }
  return result;
}

/**
 * Per month up to @lastMonth: how many goals of the version (and Ressort) moved from which status
 * to which. One range scan of the partial index status_month_ends_timeline, grouped and ordered in
 * index order: no sort (an ORDER BY other than exactly the GROUP BY would cost one) and no goal lookups.
 */
export const MONTH_TRANSITIONS_SQL = `
  SELECT s.month, s.status, s.previous_status AS previousStatus, count(*) AS goals
  FROM status_month_ends s
  WHERE s.track = @track AND s.version_key = @version AND s.month <= @lastMonth AND s.status <> s.previous_status
    AND ${ressortMatches('s')}
  GROUP BY s.month, s.status, s.previous_status
  ORDER BY s.month, s.status, s.previous_status`;

export type TimelineRequest = {
  version: string;
  ressort: string | null;
  track: Track;
  ends: string[];
  knownAt: string;
};

export function createTimelineRepository(db: Db) {
  type Filter = { version: string; ressort: string | null; track: Track };
  const countAt = db.prepare<[Cutoff & Filter], { status: Status; goals: number }>(`
    SELECT status, count(*) AS goals FROM (${statusOnTrack(VERSION_AND_RESSORT, { dueDate: false })}) GROUP BY status`);
  // 1 when no report, correction or withdrawal was recorded after knownAt: the record as known
  // then is the whole record, and the month-end summary (which holds the record as known now) applies.
  const knowsEverything = db
    .prepare<[{ knownAt: string }], number>(
      `SELECT coalesce((SELECT max(recorded_at) FROM status_events) <= @knownAt, 1)
         AND coalesce((SELECT max(recorded_at) FROM status_supersessions) <= @knownAt, 1)`,
    )
    .pluck();
  const goalCount = db.prepare<[Filter], number>(`SELECT count(*) FROM goals g WHERE ${VERSION_AND_RESSORT}`).pluck();
  const transitions = db.prepare<[Filter & { lastMonth: string }], MonthTransition>(MONTH_TRANSITIONS_SQL);

  /** Status counts as of one date: one index seek per goal. */
  const exactPoint = (query: TimelineRequest, date: string): TimelinePoint => {
    const byStatus = emptyByStatus();
    let total = 0;
    for (const row of countAt.all({ ...query, asOf: date })) {
      byStatus[row.status] += row.goals;
      total += row.goals;
    }
    return { date, total, byStatus };
  };

  /** Every point by index seeks: right for any knownAt. */
  const exactTimeline = (query: TimelineRequest): TimelinePoint[] => query.ends.map((date) => exactPoint(query, date));

  /**
   * Month-end points from status_month_ends, any other point (a `to` within a month) by index
   * seeks. The summary holds every event, so this is right only if none was recorded after knownAt.
   */
  const summaryTimeline = (query: TimelineRequest): TimelinePoint[] => {
    const months = query.ends.filter(isMonthEnd).map((date) => date.slice(0, 7));
    const lastMonth = months.reduce((last, month) => (month > last ? month : last), '');
    if (lastMonth === '') return exactTimeline(query);
    const counts = countsAtMonthEnds(goalCount.get(query) ?? 0, transitions.all({ ...query, lastMonth }), months);
    let next = 0;
    return query.ends.map((date) => {
      const count = isMonthEnd(date) ? counts[next++] : undefined;
      return count ? { date, ...count } : exactPoint(query, date);
    });
  };

  // One read transaction: the knownAt check and the counts see the same state of the record.
  const fromSummary = db.transaction((query: TimelineRequest): TimelinePoint[] | null =>
    knowsEverything.get(query) === 1 ? summaryTimeline(query) : null,
  );

  /**
   * The exact points in time slices: at 1M events a point as known at a past date costs a few ms
   * (each seek steps over the events recorded later), a timeline of them hundreds. A status report
   * written between slices is recorded after knownAt, so no point counts it; a goal moved to another
   * Ressort by an import between slices would count under its new Ressort from then on.
   */
  const exactTimelineInSlices = async (query: TimelineRequest): Promise<TimelinePoint[]> => {
    const slices = timeSlices();
    const points: TimelinePoint[] = [];
    for (const date of query.ends) {
      points.push(exactPoint(query, date));
      if (slices.due()) await slices.pause();
    }
    return points;
  };

  return {
    /** Status counts as of each period end, as known at knownAt. */
    timeline: async (query: TimelineRequest): Promise<TimelinePoint[]> =>
      fromSummary(query) ?? exactTimelineInSlices(query),
    exactTimeline,
    summaryTimeline,
  };
}
