import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { RatingBadge } from './rating-badge.tsx';

/** Session mode: indicators with the latest rating of each track, in projector type; `part` numbers a continuation. */
export function IndicatorSlide({ indicators, part = '' }: { indicators: IndicatorSummary[]; part?: string }) {
  const x = useIndicatorText();
  return (
    <section className="slide" data-testid="indicator-slide">
      <h1>
        {x.slideTitle}
        {part}
      </h1>
      <ul className="slide-list small">
        {indicators.map((i) => (
          <li key={i.id}>
            <strong>{i.name}</strong>: {x.official} <RatingBadge state={i.rating.official.state} /> · {x.independent}{' '}
            <RatingBadge state={i.rating.independent.state} />
          </li>
        ))}
      </ul>
    </section>
  );
}
