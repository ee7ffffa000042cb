import type { RefObject } from 'react';
import type { LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import { formatDate } from '@zielmonitor/shared/time/format';
import { lineageCsvUrl } from '../../api/lineage.ts';
import { ChartDownloads } from '../../components/chart-downloads.tsx';
import { frameLines } from '../../lib/chart-frame.ts';
import { citableLink } from '../../lib/citable-link.ts';
import { useT } from '../../lib/i18n.ts';
import { useLineageT } from '../../lib/messages-lineage.ts';

/**
 * The 44 → 78 chart as CSV (its flows with their goals), SVG and PNG: title, what the boxes and
 * bands stand for, the date the fates are judged by, coverage of both versions, source and link.
 */
export function LineageDownloads({ target, data }: { target: RefObject<HTMLElement | null>; data: LineageResponse }) {
  const t = useT();
  const L = useLineageT();
  const link = citableLink(window.location.origin, '/44-zu-78', '', data.at, data.to.key);
  return (
    <ChartDownloads
      target={target}
      csv={lineageCsvUrl({ from: data.from.key, to: data.to.key, track: data.track })}
      fileName={`zielmonitor-44-zu-78-${data.from.key}-${data.to.key}`}
      frame={{
        title: `${L.sankeyTitle} · ${t.track[data.track]}`,
        legend: [
          { label: L.legendNode, fill: '#1b4f8a' },
          { label: L.legendLink, fill: '#7a9cc6' },
        ],
        lines: frameLines(
          [
            t.stamp.asOf(formatDate(data.at.asOf ?? data.to.key, t.lang)),
            `${t.stamp.versionShort(data.from.key)}: ${t.stamp.coverage(data.from.documentedGoalCount, data.from.declaredGoalCount)}`,
            `${t.stamp.versionShort(data.to.key)}: ${t.stamp.coverage(data.to.documentedGoalCount, data.to.declaredGoalCount)}`,
          ],
          t.chartDownload.source,
          link,
        ),
      }}
    />
  );
}
