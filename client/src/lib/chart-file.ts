import { framedSvg, type ChartFrame } from './chart-frame.ts';

// Loaded on the first click on "Diagramm als SVG/PNG", not with the first screen.

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
function chartSvg(target: HTMLElement | null, frame: ChartFrame): string | null {
  // The chart's own surface, not the small icons of a recharts legend (also svg.recharts-surface).
  const chart = [...(target?.querySelectorAll('svg.recharts-surface') ?? [])].find(
    (svg) => svg.closest('.recharts-legend-wrapper') === null,
  );
  if (!(chart instanceof SVGSVGElement)) return null;
  const { width, height } = chart.getBoundingClientRect();
  const copy = chart.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) return null;
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  const inner = new XMLSerializer().serializeToString(copy);
  return framedSvg(inner, Math.round(width), Math.round(height), frame);
}

/** Saves the chart as drawn, framed with title, legend, source line and data date, as SVG or PNG. */
export function downloadChart(
  format: 'svg' | 'png',
  target: HTMLElement | null,
  frame: ChartFrame,
  fileName: string,
): void {
  const svg = chartSvg(target, frame);
  if (svg === null) return;
  if (format === 'svg') {
    save(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
    return;
  }
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
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
