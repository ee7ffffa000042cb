import type { RefObject } from 'react';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import { ChartDownloads } from '../../components/chart-downloads.tsx';
import { statusFill } from '../../components/charts/status-patterns.tsx';
import { frameLines } from '../../lib/chart-frame.ts';
import { citableLink } from '../../lib/citable-link.ts';
import { useT } from '../../lib/i18n.ts';
import { presentStatuses, type RessortRow } from '../../lib/shape-ressort-stats.ts';

/** The per-Ressort chart as SVG and PNG: title with counting rule and whose assessment, legend, date, source and link. */
export function RessortChartDownloads(props: {
  target: RefObject<HTMLElement | null>;
  rows: RessortRow[];
  stats: RessortStatsResponse;
  track: Track;
  ruleLabel: string;
}) {
  const { target, rows, stats, track, ruleLabel } = props;
  const t = useT();
  const asOf = stats.at.asOf ?? todayInBerlin();
  const link = citableLink(window.location.origin, '/', window.location.search.slice(1), stats.at, stats.version);
  return (
    <ChartDownloads
      target={target}
      fileName={`zielmonitor-ressorts-${stats.version}-${asOf}`}
      frame={{
        title: `${t.overview.chartTitle} – ${ruleLabel} · ${t.track[track]}`,
        legend: presentStatuses(rows).map((status) => ({ label: t.status[status], fill: statusFill(status) })),
        lines: frameLines(
          [
            t.stamp.versionShort(stats.version),
            t.stamp.asOf(formatDate(asOf, t.lang)),
            t.stamp.coverage(stats.documentedGoalCount, stats.declaredGoalCount),
          ],
          t.chartDownload.source,
          link,
        ),
      }}
    />
  );
}
