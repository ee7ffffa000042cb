import type { RefObject } from 'react';
import type { TimelineResponse } from '@zielmonitor/shared/schemas/timeline';
import { formatDate } from '@zielmonitor/shared/time/format';
import { timelineCsvUrl } from '../../api/time.ts';
import { ChartDownloads } from '../../components/chart-downloads.tsx';
import { statusFill } from '../../components/charts/status-patterns.tsx';
import { frameLines } from '../../lib/chart-frame.ts';
import { citableLink } from '../../lib/citable-link.ts';
import { useT } from '../../lib/i18n.ts';
import { STATUS_ORDER } from '../../lib/status.ts';

/**
 * The Verlauf chart (whole strategy or one Ressort) as CSV, SVG and PNG: title with whose
 * assessment, the status legend, date, coverage, source and the citable link drawn in.
 */
export function TimelineDownloads(props: {
  target: RefObject<HTMLElement | null>;
  data: TimelineResponse;
  coverage: { documented: number; declared: number } | null;
  ressortName?: string | undefined;
}) {
  const { target, data, coverage, ressortName } = props;
  const t = useT();
  const ressort = data.ressort ?? undefined;
  const search = window.location.search.slice(1);
  // The Verlauf runs up to `to`: that is the date a reader of the file cites.
  const link = citableLink(window.location.origin, '/verlauf', search, { ...data.at, asOf: data.to }, data.version);
  const title = [t.time.timelineTitle, data.version, ressort].filter(Boolean).join(' – ');
  return (
    <ChartDownloads
      target={target}
      subject={ressortName}
      csv={timelineCsvUrl({
        version: data.version,
        ressort,
        interval: data.interval,
        track: data.track,
        to: data.to,
        knownAt: data.at.snapshot ? undefined : (data.at.knownAt ?? undefined),
        snapshot: data.at.snapshot?.id,
      })}
      fileName={`zielmonitor-verlauf-${data.version}${ressort ? `-${ressort}` : ''}-${data.to}`}
      frame={{
        title: `${title} · ${t.track[data.track]}`,
        legend: STATUS_ORDER.map((status) => ({ label: t.status[status], fill: statusFill(status) })),
        lines: frameLines(
          [
            t.stamp.versionShort(data.version),
            t.stamp.asOf(formatDate(data.to, t.lang)),
            ...(coverage ? [t.stamp.coverage(coverage.documented, coverage.declared)] : []),
          ],
          t.chartDownload.source,
          link,
        ),
      }}
    />
  );
}
