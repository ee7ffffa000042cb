import { useQuery } from '@tanstack/react-query';
import { indicatorsQuery, readingsCsvUrl } from '../../api/indicators.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { usePointInTime, useUrlState } from '../../lib/url-state.ts';
import { IndicatorTable } from '../../components/indicators/indicator-table.tsx';

const DEFAULTS = { version: DEFAULT_VERSION };

/** Every indicator of the chosen version, with ratings and the readings export. */
export function IndicatorsPage() {
  const x = useIndicatorText();
  const [state] = useUrlState(DEFAULTS);
  const at = usePointInTime();
  const indicators = useQuery(indicatorsQuery({ version: state.version, ...at }));
  return (
    <>
      <h1>{x.title}</h1>
      <p className="lead">{x.listIntro}</p>
      <details className="rule-text">
        <summary>{x.ruleTitle}</summary>
        <p>{x.rule}</p>
      </details>
      <QueryState query={indicators}>
        {(data) => <IndicatorTable items={data.items} caption={`${x.title} – ${state.version}`} />}
      </QueryState>
      <p className="exports">
        <a href={readingsCsvUrl({ version: state.version, asOf: at.asOf })} download>
          {x.csv}
        </a>
      </p>
    </>
  );
}
