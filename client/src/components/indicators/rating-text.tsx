import type { IndicatorRating, IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import { formatValue, formatWhen } from '@zielmonitor/shared/indicators/words';
import { gapSentence, useIndicatorText } from '../../lib/indicator-text.ts';
import { RatingBadge } from './rating-badge.tsx';

/** One track's rating: the badge and, computed from the data, the gap or the reason it cannot be rated. */
export function RatingText({ rating, indicator }: { rating: IndicatorRating; indicator: IndicatorSummary }) {
  const x = useIndicatorText();
  const reading = rating.reading;
  const sentence = reading && gapSentence(rating, reading, indicator, x, x.lang);
  return (
    <>
      <RatingBadge state={rating.state} />
      {rating.reason && <span className="muted"> – {x.reason[rating.reason]}</span>}
      {reading && (
        <span className="rating-detail">
          {sentence ??
            x.lastReading(
              formatValue(reading.value, indicator, x.lang, reading.qualifier),
              formatWhen(reading.date, reading.datePrecision, x.lang),
              reading.reporter,
            )}
        </span>
      )}
    </>
  );
}
