import type { RefObject } from 'react';
import type { ChartFrame } from '../lib/chart-frame.ts';
import { useT } from '../lib/i18n.ts';

/**
 * "Diagramm als SVG" and "als PNG": the chart as drawn, with its title, legend, source line and
 * data date drawn in, so that the file stands alone in a press release or on a slide.
 */
export function ChartDownloads({
  target,
  frame,
  fileName,
}: {
  target: RefObject<HTMLElement | null>;
  frame: ChartFrame;
  fileName: string;
}) {
  const t = useT();
  const download = (format: 'svg' | 'png') => {
    void import('../lib/chart-file.ts').then((file) => {
      file.downloadChart(format, target.current, frame, fileName);
    });
  };
  return (
    <p className="exports">
      <button type="button" className="button-link secondary" onClick={() => download('svg')}>
        {t.chartDownload.svg}
      </button>{' '}
      <button type="button" className="button-link secondary" onClick={() => download('png')}>
        {t.chartDownload.png}
      </button>
    </p>
  );
}
