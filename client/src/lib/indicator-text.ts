import type { DatePrecision } from '@zielmonitor/shared/schemas/common';
import type { IndicatorRating, IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import type { Qualifier } from '@zielmonitor/shared/indicators/trajectory';
import { formatDecimal } from '@zielmonitor/shared/time/format';
import { formatValue, formatWhen, isOne } from '@zielmonitor/shared/indicators/words';
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

/** A gap in the unit: percentage points for shares, the counted thing for counts. */
function formatGap(gap: number, unit: Unit, texts: IndicatorTexts, lang: Lang): string {
  const n = formatDecimal(Math.abs(gap), lang);
  if (unit.unit === 'percent') return texts.percentPoints(n, isOne(Math.abs(gap)));
  return `${n} ${(isOne(Math.abs(gap)) ? unit.unitSingular : unit.unitPlural) ?? ''}`.trimEnd();
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
  const value = formatValue(reading.value, unit, lang, reading.qualifier);
  const when = formatWhen(reading.date, reading.datePrecision, lang);
  const gap = Math.round(Math.abs(rating.aheadBy) * 10) / 10;
  if (gap === 0) return texts.gapEqual(value, when);
  const planned = formatValue(rating.planned, unit, lang);
  const words = formatGap(rating.aheadBy, unit, texts, lang);
  return rating.aheadBy < 0
    ? texts.gapBehind(value, planned, when, words)
    : texts.gapAhead(value, planned, when, words);
}
