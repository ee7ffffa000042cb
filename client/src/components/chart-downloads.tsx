import type { RefObject } from 'react';
import { framedSvg, type ChartFrame } from '../lib/chart-frame.ts';
import { useT } from '../lib/i18n.ts';

const save = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** The chart inside `target` as a framed SVG file's text, or null while it is not drawn. */
function chartSvg(target: HTMLElement | null, frame: ChartFrame): { svg: string; width: number } | null {
  const chart = target?.querySelector('svg.recharts-surface');
  if (!(chart instanceof SVGSVGElement)) return null;
  const { width, height } = chart.getBoundingClientRect();
  const copy = chart.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) return null;
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  const inner = new XMLSerializer().serializeToString(copy);
  return { svg: framedSvg(inner, Math.round(width), Math.round(height), frame), width: Math.round(width) };
}

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
  const svg = () => {
    const drawn = chartSvg(target.current, frame);
    if (drawn) save(new Blob([drawn.svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const png = () => {
    const drawn = chartSvg(target.current, frame);
    if (!drawn) return;
    const image = new Image();
    // A data: address, which the Content-Security-Policy allows for images (blob: it does not).
    image.onload = () => {
      // Twice the screen size: sharp on a projector and in print.
      const canvas = document.createElement('canvas');
      canvas.width = image.width * 2;
      canvas.height = image.height * 2;
      const context = canvas.getContext('2d');
      context?.scale(2, 2);
      context?.drawImage(image, 0, 0);
      canvas.toBlob((blob) => blob && save(blob, `${fileName}.png`), 'image/png');
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`;
  };
  return (
    <p className="exports">
      <button type="button" className="button-link secondary" onClick={svg}>
        {t.chartDownload.svg}
      </button>{' '}
      <button type="button" className="button-link secondary" onClick={png}>
        {t.chartDownload.png}
      </button>
    </p>
  );
}
