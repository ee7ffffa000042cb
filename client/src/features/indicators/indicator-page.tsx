import { useQuery } from '@tanstack/react-query';
import { lazy, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'wouter';
import { ApiError } from '../../api/client.ts';
import { indicatorQuery, readingsCsvUrl } from '../../api/indicators.ts';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { WhenVisible } from '../../components/when-visible.tsx';
import { formatDate, formatDecimal } from '@zielmonitor/shared/time/format';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { INDICATOR_CHART_HEIGHT, indicatorSeries, isoOfDay } from '../../lib/shape-indicator.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { PendingPanel } from '../../components/pending-panel.tsx';
import { ReadingsTable } from './readings-table.tsx';
import { RatingText } from '../../components/indicators/rating-text.tsx';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { VoiceLinks } from '../../components/voices/voice-links.tsx';
import { TargetsTable } from './targets-table.tsx';
import { IndicatorChartDownloads } from './indicator-chart-downloads.tsx';

// recharts loads with the chart, not with the page.
const IndicatorChart = lazy(() =>
  import('../../components/charts/indicator-chart.tsx').then((m) => ({ default: m.IndicatorChart })),
);

/** One indicator: what it counts, its rating per track, the chart against the path, every reading and source. */
export function IndicatorPage() {
  const x = useIndicatorText();
  const w = useWorkflowT();
  const v = useVoicesT();
  const { id = '' } = useParams();
  const at = usePointInTime();
  const kept = useKeptSearch();
  const [params] = useSearchParams();
  const indicator = useQuery(indicatorQuery(id, at));
  const figure = useRef<HTMLElement>(null);
  if (indicator.error instanceof ApiError && indicator.error.status === 404) {
    return (
      <section>
        <h1>{x.none}</h1>
        <p>
          <Link to={`/kennzahlen${kept}`}>{x.all}</Link>
        </p>
      </section>
    );
  }
  return (
    <QueryState query={indicator}>
      {(i) => {
        const series = indicatorSeries(i);
        const counted = i.readings.filter((r) => r.superseded === null).length;
        return (
          <article className="indicator">
            <p>
              <Link to={`/kennzahlen${kept}`}>← {x.all}</Link>
            </p>
            <h1>{i.name}</h1>
            <p role="status" aria-live="polite" className="saved">
              {params.get('gemeldet') ? x.form.saved : params.has('eingereicht') ? w.readingSubmitted : ''}
            </p>
            <PendingPanel review={i.review} about="indicator" />
            <VoiceLinks
              subject={{ kind: 'indicator', id: i.id }}
              feed={`/api/feeds/indicators/${encodeURIComponent(i.id)}.atom`}
              label={v.subjectIndicator(`„${i.name}“`)}
            />
            <dl className="facts">
              <div>
                <dt>{x.measure}</dt>
                <dd>{i.measure}</dd>
              </div>
              <div>
                <dt>{x.goals}</dt>
                <dd>
                  <ul className="plain-list">
                    {i.goals.map((g) => (
                      <li key={g.goalId}>
                        <Link to={`/ziele/${encodeURIComponent(g.goalId)}${kept}`}>
                          {g.goalId} {g.title}
                        </Link>
                        {g.basis && <span className="basis">{g.basis}</span>}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>{x.direction[i.direction]}</dt>
                <dd>{i.note ?? '–'}</dd>
              </div>
            </dl>
            <section aria-labelledby="rating-title" className="panel" data-testid="indicator-rating">
              <h2 id="rating-title">{x.colRating}</h2>
              <dl className="facts">
                {(['official', 'independent'] as const).map((track) => (
                  <div key={track} data-track={track}>
                    <dt>{track === 'official' ? x.trackOfficial : x.trackIndependent}</dt>
                    <dd>
                      <RatingText rating={i.rating[track]} indicator={i} />
                    </dd>
                  </div>
                ))}
              </dl>
              <details className="rule-text">
                <summary>{x.ruleTitle}</summary>
                <p>{x.rule}</p>
              </details>
            </section>
            <section aria-labelledby="chart-title" className="panel">
              <h2 id="chart-title">{x.chartTitle}</h2>
              <figure className="chart" ref={figure}>
                <WhenVisible height={INDICATOR_CHART_HEIGHT} placeholder={x.chartTitle}>
                  <IndicatorChart
                    series={series}
                    percent={i.unit === 'percent'}
                    labels={{
                      official: x.trackOfficial,
                      independent: x.trackIndependent,
                      planned: x.planned,
                      kind: x.kind,
                      year: (day) => isoOfDay(day).slice(0, 4),
                      value: (n) => formatDecimal(n, x.lang),
                    }}
                  />
                </WhenVisible>
                <figcaption>{x.chartSummary(counted)}</figcaption>
              </figure>
              <IndicatorChartDownloads target={figure} indicator={i} counted={counted} />
              <TargetsTable indicator={i} />
            </section>
            <section aria-labelledby="readings-title" className="panel">
              <h2 id="readings-title">{x.readingsTitle}</h2>
              {i.readingsTotal > i.readings.length && <p>{x.readingsPartial(i.readings.length, i.readingsTotal)}</p>}
              <ReadingsTable indicator={i} />
              <p className="exports">
                <a href={readingsCsvUrl({ indicator: i.id, asOf: at.asOf })} download>
                  {x.csv}
                </a>
                {i.canReport && (
                  <>
                    {' '}
                    <Link className="button-link" to={`/kennzahlen/${encodeURIComponent(i.id)}/melden`}>
                      {x.report}
                    </Link>
                  </>
                )}
                {i.canAssess && (
                  <>
                    {' '}
                    <Link
                      className="button-link"
                      to={`/kennzahlen/${encodeURIComponent(i.id)}/melden?spur=unabhaengig`}
                    >
                      {v.assessReading}
                    </Link>
                  </>
                )}
              </p>
            </section>
            <section aria-labelledby="sources-title" className="panel">
              <h2 id="sources-title">{x.sources}</h2>
              <ol className="sources">
                {i.sources.map((s) => (
                  <li key={s.id} id={`source-${s.id}`}>
                    <span className="mono">{s.id}</span>{' '}
                    {s.url ? (
                      <a href={s.url} rel="noreferrer noopener" target="_blank">
                        {s.title}
                      </a>
                    ) : (
                      s.title
                    )}
                    {s.publisher && <>, {s.publisher}</>}
                    {s.date && <>, {formatDate(s.date, x.lang)}</>}
                  </li>
                ))}
              </ol>
            </section>
          </article>
        );
      }}
    </QueryState>
  );
}
