import type { DatePrecision } from '../schemas/common.ts';
import { formatDate, formatDecimal } from '../time/format.ts';
import { statedDate } from '../time/partial-date.ts';
import type { Lang } from '../vocabulary/lang.ts';
import type { IndicatorUnit, Qualifier } from './trajectory.ts';

/**
 * An indicator's values and dates in words, one home for the dashboard and the mails:
 * "etwa 70 %", "mindestens 350 Krankenhäuser", "im Juli 2020".
 */

export type UnitWords = { unit: IndicatorUnit; unitSingular: string | null; unitPlural: string | null };

const QUALIFIER_WORDS: Record<Lang, Record<Qualifier, string>> = {
  de: { exact: '', about: 'etwa ', at_least: 'mindestens ', at_most: 'höchstens ' },
  en: { exact: '', about: 'about ', at_least: 'at least ', at_most: 'at most ' },
};

const WHEN_WORDS: Record<Lang, Record<DatePrecision, (date: string) => string>> = {
  de: { day: (d) => `am ${d}`, month: (d) => `im ${d}`, year: (d) => `im Jahr ${d}` },
  en: { day: (d) => `on ${d}`, month: (d) => `in ${d}`, year: (d) => `in ${d}` },
};

/** Whether a value reads as one of a thing: 1 (and 0.96, which shows as 1). */
export const isOne = (n: number) => Math.round(n * 10) / 10 === 1;

/** A value in its unit: "28 %", "etwa 70 %", "mindestens 350 Krankenhäuser", "1 Praxis". */
export function formatValue(value: number, unit: UnitWords, lang: Lang, qualifier: Qualifier = 'exact'): string {
  const number = formatDecimal(value, lang);
  const suffix =
    unit.unit === 'percent'
      ? lang === 'de'
        ? '\u00a0%'
        : '%'
      : ` ${(isOne(value) ? unit.unitSingular : unit.unitPlural) ?? ''}`.trimEnd();
  return `${QUALIFIER_WORDS[lang][qualifier]}${number}${suffix}`;
}

/** "im Juli 2020", "am 19.11.2021", "im Jahr 2021": the date as precise as the source. */
export function formatWhen(date: string, precision: DatePrecision, lang: Lang): string {
  return WHEN_WORDS[lang][precision](formatDate(statedDate(date, precision), lang));
}
