/**
 * The product's clock: Zielmonitor reports for Düsseldorf, so "today", "the end of a day" and
 * a data date are Berlin time everywhere — on the server, in the dashboard and in the cache.
 */

const HOUR = 3_600_000;

/** The day of the month of the last Sunday of a month (monthIndex 0–11) in a year. */
const lastSunday = (year: number, monthIndex: number) => {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
};

/**
 * Berlin's offset from UTC at an instant: CEST (+2) from the last Sunday of March, 01:00 UTC, to
 * the last Sunday of October, 01:00 UTC, else CET (+1) — the EU rule since 1996. Computed, not
 * asked of Intl: the first Intl formatter costs a long task on the first screen of a slow laptop.
 * Tested against Intl for every hour of 1996–2040.
 */
export function berlinOffsetHours(instant: Date | number): 1 | 2 {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const year = new Date(t).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return t >= start && t < end ? 2 : 1;
}

const inBerlin = (instant: Date | number) => {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(t + berlinOffsetHours(t) * HOUR).toISOString();
};

/** The calendar date in Berlin at an instant, as YYYY-MM-DD. */
export const berlinDateOf = (instant: Date | number): string => inBerlin(instant).slice(0, 10);

/** The wall-clock time in Berlin at an instant, as HH:MM. */
export const berlinTimeOf = (instant: Date | number): string => inBerlin(instant).slice(11, 16);

/** Today in Düsseldorf, as YYYY-MM-DD: the latest effective date a report may carry. */
export const todayInBerlin = (now: Date = new Date()): string => berlinDateOf(now);

/**
 * The last millisecond of a Berlin calendar day, as an ISO instant (UTC): `knownAt=2022-06-30`
 * means "everything recorded by the end of 30 June 2022 in Düsseldorf".
 */
export function endOfDayInBerlin(isoDate: string): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const utcEnd = Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  // Berlin is one hour ahead of UTC in winter and two in summer: the day ends at the offset at
  // which the next millisecond is already the next day.
  for (const offset of [2, 1]) {
    const t = utcEnd - offset * HOUR;
    if (berlinDateOf(t) === isoDate && berlinDateOf(t + 1) !== isoDate) return new Date(t).toISOString();
  }
  throw new Error(`no end of day in Berlin for ${isoDate}`);
}

/** The Berlin calendar date a knownAt instant falls on (the date a citable link names). */
export const knownAtDate = (instant: string): string => berlinDateOf(new Date(instant));

/** A report entered more than this many days after the day it is effective from is "nachträglich gemeldet". */
export const LATE_REPORT_DAYS = 90;

const DAY = 86_400_000;

/** Whether a report effective from `effectiveDate` and entered at `recordedAt` was reported late. */
export function isLateReport(effectiveDate: string, recordedAt: string): boolean {
  const recordedDay = berlinDateOf(new Date(recordedAt));
  return Date.parse(`${recordedDay}T00:00:00Z`) - Date.parse(`${effectiveDate}T00:00:00Z`) > LATE_REPORT_DAYS * DAY;
}

/** The first millisecond of a Berlin calendar day, as an ISO instant (UTC). */
export function startOfDayInBerlin(isoDate: string): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const dayBefore = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  return new Date(Date.parse(endOfDayInBerlin(dayBefore)) + 1).toISOString();
}
