import { useQuery } from '@tanstack/react-query';
import { indicatorsQuery } from '../../api/indicators.ts';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { IndicatorTable } from './indicator-table.tsx';

/** The indicators that measure a goal, with their ratings; nothing when it has none. */
export function GoalIndicators({ goalId }: { goalId: string }) {
  const x = useIndicatorText();
  const at = usePointInTime();
  const indicators = useQuery(indicatorsQuery({ goal: goalId, ...at }));
  const items = indicators.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="goal-indicators-title" className="panel" data-testid="goal-indicators">
      <h2 id="goal-indicators-title">{x.title}</h2>
      <IndicatorTable items={items} caption={`${x.title} – ${goalId}`} />
    </section>
  );
}
