/**
 * The product's clock: Zielmonitor reports for Düsseldorf, so "today", "the end of a day" and
 * a data date are Berlin time everywhere — on the server, in the dashboard and in the cache.
 */

// Built on first use and kept: building it costs about 0.1 ms (time zone data), using it 2 µs,
// and a list or an export asks for today once per goal.
let berlinDate: Intl.DateTimeFormat | undefined;

/** The calendar date in Berlin at an instant, as YYYY-MM-DD. */
export function berlinDateOf(instant: Date | number): string {
  berlinDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });
  return berlinDate.format(instant);
}

/** Today in Düsseldorf, as YYYY-MM-DD: the latest effective date a report may carry. */
export const todayInBerlin = (now: Date = new Date()): string => berlinDateOf(now);

const HOUR = 3_600_000;

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
