import { lazy, Suspense, useRef } from 'react';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import type { TimelineResponse } from '@zielmonitor/shared/schemas/timeline';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { timelineSummary, toTimelineRows } from '../../lib/shape-timeline.ts';
import { TimelineDownloads } from './timeline-downloads.tsx';
import { TimelineTable } from './timeline-table.tsx';

const TimelineChart = lazy(() =>
  import('../../components/charts/timeline-chart.tsx').then((m) => ({ default: m.TimelineChart })),
);

/** One Ressort's Verlauf as a small chart, with its table and its downloads behind "Als Tabelle". */
export function TimelineMultiple({
  ressort: r,
  data,
  coverage,
}: {
  ressort: RessortStat;
  data: TimelineResponse | undefined;
  coverage: { documented: number; declared: number } | null;
}) {
  const t = useT();
  const figure = useRef<HTMLElement>(null);
  const rows = data ? toTimelineRows(data.points) : [];
  const summary = timelineSummary(rows);
  const name = r.ressort === 'unknown' ? t.unknownRessort : r.ressort;
  return (
    <figure className="panel multiple" ref={figure}>
      <figcaption>
        <strong>{name}</strong>{' '}
        {r.ressortName && r.ressort !== 'unknown' && <span className="muted">{r.ressortName}</span>}
        {summary && (
          <span className="visually-hidden">
            {' '}
            {t.time.summary(
              formatDate(summary.from, t.lang),
              formatDate(summary.to, t.lang),
              summary.achievedFrom,
              summary.achievedTo,
              summary.total,
            )}
          </span>
        )}
      </figcaption>
      {rows.length > 0 ? (
        <Suspense fallback={null}>
          <TimelineChart rows={rows} small />
        </Suspense>
      ) : (
        <p role="status" className="muted">
          {t.loading}
        </p>
      )}
      {data && rows.length > 0 && (
        <details>
          <summary>
            {t.overview.showTable}
            <span className="visually-hidden"> {name}</span>
          </summary>
          <TimelineTable
            rows={rows}
            caption={
              <caption className="visually-hidden">
                {t.time.tableCaption}: {name}
              </caption>
            }
          />
          <TimelineDownloads target={figure} data={data} coverage={coverage} ressortName={name} />
        </details>
      )}
    </figure>
  );
}
