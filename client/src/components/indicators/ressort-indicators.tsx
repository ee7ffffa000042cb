import { useQueries } from '@tanstack/react-query';
import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import { indicatorsQuery } from '../../api/indicators.ts';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { IndicatorTable } from './indicator-table.tsx';

/** The indicators of the goals along a Ressort's line of responsibility. */
export function RessortIndicators({ codes, title }: { codes: string[]; title: string }) {
  const x = useIndicatorText();
  const at = usePointInTime();
  const lists = useQueries({ queries: codes.map((ressort) => indicatorsQuery({ ressort, ...at })) });
  const byId = new Map<string, IndicatorSummary>();
  for (const item of lists.flatMap((q) => q.data?.items ?? [])) byId.set(item.id, item);
  if (lists.some((q) => q.isPending)) return null;
  return (
    <section aria-labelledby="ressort-indicators-title" className="panel" data-testid="ressort-indicators">
      <h2 id="ressort-indicators-title">{x.title}</h2>
      <IndicatorTable items={[...byId.values()]} caption={`${x.title} – ${title}`} />
    </section>
  );
}
