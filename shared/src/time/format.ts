import type { Lang } from '../vocabulary/lang.ts';
import { berlinDateOf, berlinTimeOf } from './berlin.ts';
import { statedDate, type DatePrecision } from './partial-date.ts';

const MONTHS: Record<Lang, string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 2021-11-19 → 19.11.2021 (de) or 19/11/2021 (en); 2021-11 → November 2021; 2021 → 2021.
 * Written out rather than through Intl.DateTimeFormat: the first DateTimeFormat loads the
 * locale's calendar data, a long task on the first screen of a slow laptop.
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year) return iso;
  if (!month || month < 1 || month > 12) return String(year);
  if (!day) return `${MONTHS[lang][month - 1]} ${year}`;
  return lang === 'de' ? `${pad(day)}.${pad(month)}.${year}` : `${pad(day)}/${pad(month)}/${year}`;
}

const SEPARATOR: Record<Lang, { thousands: string; percent: string }> = {
  de: { thousands: '.', percent: '\u00a0%' },
  en: { thousands: ',', percent: '%' },
};

/**
 * Whole numbers with thousands separators: 1.234.567 (de), 1,234,567 (en). Written out like
 * the dates: the first Intl.NumberFormat loads the locale's number data, another long task.
 */
export function formatNumber(n: number, lang: Lang): string {
  const whole = Math.round(Math.abs(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATOR[lang].thousands);
  return n < 0 && whole !== '0' ? `-${whole}` : whole;
}

/** 49.98 → "50", 98.7 → "98,7", 40000 → "40.000": at most one decimal, without Intl (as the dates here). */
export function formatDecimal(n: number, lang: Lang): string {
  const rounded = Math.round(n * 10) / 10;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(1).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
  const sign = rounded < 0 ? '-' : '';
  return fraction && fraction !== '0'
    ? `${sign}${grouped}${lang === 'de' ? ',' : '.'}${fraction}`
    : `${sign}${grouped}`;
}

/** 0.25 → 25 % (de), 25% (en); halves round up on the decimal value, as Intl does (0.145 → 15 %). */
export const formatPercent = (fraction: number, lang: Lang) =>
  `${formatNumber(Math.round(Number((fraction * 100).toPrecision(12))), lang)}${SEPARATOR[lang].percent}`;

/** An instant as Berlin's wall clock: 30.11.2026, 15:03 Uhr (de) or 30/11/2026, 15:03 (en). */
export function formatDateTime(instant: string, lang: Lang): string {
  const t = new Date(instant).getTime();
  if (Number.isNaN(t)) return '–';
  const time = berlinTimeOf(t);
  return `${formatDate(berlinDateOf(t), lang)}, ${lang === 'de' ? `${time} Uhr` : time}`;
}

/** A date as precise as its source states it: 2021 · März 2022 · 19.03.2022. */
export const formatStatedDate = (day: string, precision: DatePrecision, lang: Lang): string =>
  formatDate(statedDate(day, precision), lang);

/**
 * Whether a source's own wording of a date says more than the date shown beside it: „Mitte 2021“
 * does, „2021-09“, „September 2021“ or „2021“ beside September 2021 do not and are left out.
 */
export const wordingAddsToDate = (wording: string, day: string, precision: DatePrecision, lang: Lang): boolean =>
  !day.startsWith(wording) && wording !== formatStatedDate(day, precision, lang);
