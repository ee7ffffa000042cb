import type { RefObject } from 'react';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import { ChartDownloads } from '../../components/chart-downloads.tsx';
import { frameLines } from '../../lib/chart-frame.ts';
import { citableLink } from '../../lib/citable-link.ts';
import { useT } from '../../lib/i18n.ts';
import { useIndicatorText } from '../../lib/indicator-text.ts';

/**
 * An indicator's chart as SVG and PNG: its name, the lines of both tracks and the planned path as
 * legend (in the chart's colours), the date, the number of readings, source and citable link.
 * The chart's data table is the readings CSV beside the readings table.
 */
export function IndicatorChartDownloads({
  target,
  indicator: i,
  counted,
}: {
  target: RefObject<HTMLElement | null>;
  indicator: IndicatorDetail;
  counted: number;
}) {
  const t = useT();
  const x = useIndicatorText();
  const asOf = i.at.asOf ?? todayInBerlin();
  const { pathname, search } = window.location;
  const link = citableLink(window.location.origin, pathname, search.slice(1), i.at, null);
  return (
    <ChartDownloads
      target={target}
      fileName={`zielmonitor-kennzahl-${i.id}-${asOf}`}
      frame={{
        title: `${x.chartTitle}: ${i.name}`,
        legend: [
          { label: x.planned, fill: '#555555' },
          { label: x.trackOfficial, fill: '#005a9c' },
          { label: x.trackIndependent, fill: '#a33a00' },
        ],
        lines: frameLines(
          [t.stamp.asOf(formatDate(asOf, t.lang)), x.readingCount(counted)],
          t.chartDownload.source,
          link,
        ),
      }}
    />
  );
}
