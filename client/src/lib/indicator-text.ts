import type { DatePrecision } from '@zielmonitor/shared/schemas/common';
import type { IndicatorRating, IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import type { Qualifier } from '@zielmonitor/shared/indicators/trajectory';
import { formatDate } from '@zielmonitor/shared/time/format';
import { statedDate } from '@zielmonitor/shared/time/partial-date';
import type { Lang } from '@zielmonitor/shared/vocabulary/lang';
import { useT } from './i18n.ts';
import { indicatorsDe, type IndicatorTexts } from './messages-indicators-de.ts';
import { indicatorsEn } from './messages-indicators-en.ts';

/** The indicator texts in the chosen language. */
export function useIndicatorText(): IndicatorTexts & { lang: Lang } {
  const { lang } = useT();
  return { ...(lang === 'en' ? indicatorsEn : indicatorsDe), lang };
}

type Unit = Pick<IndicatorSummary, 'unit' | 'unitSingular' | 'unitPlural'>;

/** 49.98 → "50", 98.7 → "98,7", 40000 → "40.000": at most one decimal, without Intl (as shared/time/format). */
export function formatDecimal(n: number, lang: Lang): string {
  const rounded = Math.round(n * 10) / 10;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(1).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
  const sign = rounded < 0 ? '-' : '';
  return fraction && fraction !== '0'
    ? `${sign}${grouped}${lang === 'de' ? ',' : '.'}${fraction}`
    : `${sign}${grouped}`;
}

const isOne = (n: number) => Math.round(n * 10) / 10 === 1;

/** A value in its unit: "28 %", "etwa 70 %", "mindestens 350 Krankenhäuser", "1 Praxis". */
export function formatValue(
  value: number,
  unit: Unit,
  texts: IndicatorTexts,
  lang: Lang,
  qualifier: Qualifier = 'exact',
) {
  const number = formatDecimal(value, lang);
  const suffix =
    unit.unit === 'percent'
      ? lang === 'de'
        ? '\u00a0%'
        : '%'
      : ` ${(isOne(value) ? unit.unitSingular : unit.unitPlural) ?? ''}`.trimEnd();
  return `${texts.qualifier[qualifier]}${number}${suffix}`;
}

/** A gap in the unit: percentage points for shares, the counted thing for counts. */
function formatGap(gap: number, unit: Unit, texts: IndicatorTexts, lang: Lang): string {
  const n = formatDecimal(Math.abs(gap), lang);
  if (unit.unit === 'percent') return texts.percentPoints(n, isOne(Math.abs(gap)));
  return `${n} ${(isOne(Math.abs(gap)) ? unit.unitSingular : unit.unitPlural) ?? ''}`.trimEnd();
}

/** "im Juli 2020", "am 19.11.2021", "im Jahr 2021": the date as precise as the source. */
export function formatWhen(date: string, precision: DatePrecision, texts: IndicatorTexts, lang: Lang): string {
  return texts.when[precision](formatDate(statedDate(date, precision), lang));
}

/**
 * The gap in words, computed from the rating, never typed in:
 * "28 % statt der geplanten 50 % im Juli 2020 – 22 Prozentpunkte hinter dem Plan".
 * Null without a path value for the reading.
 */
export function gapSentence(
  rating: Pick<IndicatorRating, 'planned' | 'aheadBy'>,
  reading: { value: number; qualifier: Qualifier; date: string; datePrecision: DatePrecision },
  unit: Unit,
  texts: IndicatorTexts,
  lang: Lang,
): string | null {
  if (rating.planned === null || rating.aheadBy === null) return null;
  const value = formatValue(reading.value, unit, texts, lang, reading.qualifier);
  const when = formatWhen(reading.date, reading.datePrecision, texts, lang);
  const gap = Math.round(Math.abs(rating.aheadBy) * 10) / 10;
  if (gap === 0) return texts.gapEqual(value, when);
  const planned = formatValue(rating.planned, unit, texts, lang);
  const words = formatGap(rating.aheadBy, unit, texts, lang);
  return rating.aheadBy < 0
    ? texts.gapBehind(value, planned, when, words)
    : texts.gapAhead(value, planned, when, words);
}
