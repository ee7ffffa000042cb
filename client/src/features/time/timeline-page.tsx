import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef } from 'react';
import type { Track } from '@zielmonitor/shared/schemas/common';
import { ressortStatsQuery } from '../../api/stats.ts';
import { timelineQuery } from '../../api/time.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ViewStamp } from '../../components/view-stamp.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { timelineSummary, toTimelineRows } from '../../lib/shape-timeline.ts';
import { usePointInTime, useUrlState } from '../../lib/url-state.ts';
import { TimelineDownloads } from './timeline-downloads.tsx';
import { TimelineMultiple } from './timeline-multiple.tsx';
import { TimelineTable } from './timeline-table.tsx';

const TimelineChart = lazy(() =>
  import('../../components/charts/timeline-chart.tsx').then((m) => ({ default: m.TimelineChart })),
);

export function TimelinePage() {
  const t = useT();
  const [state, update] = useUrlState({ version: DEFAULT_VERSION, interval: 'quarter', track: 'official' });
  const at = usePointInTime();
  const interval = state.interval === 'month' ? 'month' : 'quarter';
  const track: Track = state.track === 'independent' ? 'independent' : 'official';
  const base = {
    version: state.version,
    interval,
    track,
    snapshot: at.snapshot,
    knownAt: at.knownAt,
    to: at.asOf,
  } as const;
  const timeline = useQuery(timelineQuery(base));
  const ressorts = useQuery(ressortStatsQuery({ version: state.version, track, rule: 'all_goals', ...at }));
  const figure = useRef<HTMLElement>(null);
  const coverage = ressorts.data
    ? { documented: ressorts.data.documentedGoalCount, declared: ressorts.data.declaredGoalCount }
    : null;
  const perRessort = useQueries({
    queries: (ressorts.data?.items ?? []).map((r) => timelineQuery({ ...base, ressort: r.ressort })),
  });

  return (
    <>
      <h1>
        {t.time.timelineTitle} – {state.version}
      </h1>
      <p className="lead">{t.time.timelineIntro}</p>
      <div className="view-controls">
        <label className="control">
          <span>{t.time.interval}</span>
          <select value={interval} onChange={(e) => update({ interval: e.target.value })}>
            <option value="quarter">{t.time.quarter}</option>
            <option value="month">{t.time.month}</option>
          </select>
        </label>
        <label className="control">
          <span>{t.track.label}</span>
          <select value={track} onChange={(e) => update({ track: e.target.value })}>
            <option value="official">{t.track.official}</option>
            <option value="independent">{t.track.independent}</option>
          </select>
        </label>
      </div>
      <QueryState query={timeline} isEmpty={(d) => d.points.length === 0}>
        {(data) => {
          const rows = toTimelineRows(data.points);
          const summary = timelineSummary(rows);
          return (
            <>
              <ViewStamp
                at={data.at}
                version={data.version}
                track={track}
                rule={{ rule: 'all_goals', basis: summary?.total ?? null }}
              />
              <section className="panel" aria-labelledby="timeline-chart-title">
                <h2 id="timeline-chart-title">{t.track[track]}</h2>
                <Suspense
                  fallback={
                    <div className="chart-placeholder" role="status">
                      {t.loading}
                    </div>
                  }
                >
                  <figure className="chart" data-testid="timeline-chart" ref={figure}>
                    <TimelineChart rows={rows} />
                    {summary && (
                      <figcaption>
                        {t.time.summary(
                          formatDate(summary.from, t.lang),
                          formatDate(summary.to, t.lang),
                          summary.achievedFrom,
                          summary.achievedTo,
                          summary.total,
                        )}
                      </figcaption>
                    )}
                  </figure>
                </Suspense>
                <TimelineDownloads target={figure} data={data} coverage={coverage} />
                <details>
                  <summary>{t.overview.showTable}</summary>
                  <TimelineTable rows={rows} caption={<caption>{t.time.tableCaption}</caption>} />
                </details>
              </section>
            </>
          );
        }}
      </QueryState>
      <section aria-labelledby="multiples-title">
        <h2 id="multiples-title">{t.time.perRessort}</h2>
        <div className="multiples">
          {(ressorts.data?.items ?? []).map((r, i) => (
            <TimelineMultiple key={r.ressort} ressort={r} data={perRessort[i]?.data} coverage={coverage} />
          ))}
        </div>
      </section>
    </>
  );
}
