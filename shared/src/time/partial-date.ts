/**
 * Dates as precise as their source. A source may date a report to the day ("19.11.2021"), the
 * month ("März 2022") or only the year ("2021"). The record stores the day such a report counts
 * from, and its precision; the counting rule, stated on "Wie wird gezählt?", is: a report dated
 * to a month or a year counts from the last day of that month or year — never earlier than its
 * source allows.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2021` → year, `2021-03` → month, `2021-03-15` → day. */
export function precisionOf(stated: string): DatePrecision {
  if (/^\d{4}$/.test(stated)) return 'year';
  if (/^\d{4}-\d{2}$/.test(stated)) return 'month';
  return 'day';
}

/** The day a date as stated counts from: `2021` → 2021-12-31, `2022-03` → 2022-03-31. */
export function countingDay(stated: string): string {
  const [year = 0, month] = stated.split('-').map(Number);
  if (month === undefined) return `${year}-12-31`;
  if (stated.length === 7) return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
  return stated;
}

/** The date as its source states it, from the stored day and precision: (2021-12-31, year) → `2021`. */
export function statedDate(day: string, precision: DatePrecision): string {
  if (precision === 'year') return day.slice(0, 4);
  if (precision === 'month') return day.slice(0, 7);
  return day.slice(0, 10);
}

/** The first day of the period a stated date covers: `2021` → 2021-01-01 (for "within the period" tests). */
export function periodStart(stated: string): string {
  if (stated.length === 4) return `${stated}-01-01`;
  if (stated.length === 7) return `${stated}-01`;
  return stated;
}
