import type { RefObject } from 'react';
import type { ChartFrame } from '../lib/chart-frame.ts';
import { useT } from '../lib/i18n.ts';

/**
 * "Diagramm als SVG" and "als PNG": the chart as drawn, with its title, legend, source line and
 * data date drawn in, so that the file stands alone in a press release or on a slide. With `csv`,
 * the chart's data table for Excel sits beside them. `subject` names the chart to screen readers
 * where a page has several of one kind (the Verlauf per Ressort).
 */
export function ChartDownloads({
  target,
  frame,
  fileName,
  csv,
  subject,
}: {
  target: RefObject<HTMLElement | null>;
  frame: ChartFrame;
  fileName: string;
  csv?: string | undefined;
  subject?: string | undefined;
}) {
  const t = useT();
  const download = (format: 'svg' | 'png') => {
    void import('../lib/chart-file.ts').then((file) => {
      file.downloadChart(format, target.current, frame, fileName);
    });
  };
  const named = subject && <span className="visually-hidden"> ({subject})</span>;
  return (
    <p className="exports">
      {csv && (
        <>
          <a href={csv} download>
            {t.overview.tableCsv}
            {named}
          </a>{' '}
        </>
      )}
      <button type="button" className="button-link secondary" onClick={() => download('svg')}>
        {t.chartDownload.svg}
        {named}
      </button>{' '}
      <button type="button" className="button-link secondary" onClick={() => download('png')}>
        {t.chartDownload.png}
        {named}
      </button>
    </p>
  );
}
