import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { indicatorsQuery } from '../../api/indicators.ts';
import { useKeptSearch } from '../app-shell.tsx';
import { QueryState } from '../query-state.tsx';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { IndicatorTable } from './indicator-table.tsx';

/** Overview panel: each indicator of the version with its latest rating per track. */
export function IndicatorsPanel({ version }: { version: string }) {
  const x = useIndicatorText();
  const at = usePointInTime();
  const kept = useKeptSearch();
  const indicators = useQuery(indicatorsQuery({ version, ...at }));
  return (
    <section aria-labelledby="indicators-title" className="panel" data-testid="indicators-panel">
      <h2 id="indicators-title">{x.panelTitle}</h2>
      <p>{x.panelIntro}</p>
      <QueryState query={indicators}>
        {(data) => <IndicatorTable items={data.items} caption={`${x.panelTitle} – ${version}`} />}
      </QueryState>
      <p>
        <Link to={`/kennzahlen${kept}`}>{x.all}</Link>
      </p>
    </section>
  );
}
