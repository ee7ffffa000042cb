/**
 * A chart as a file stands alone: the chart's own SVG framed with its title above, and below it the
 * legend, the source line and the data date drawn in — what a press office pastes into a slide.
 * Pure string work, so that it is tested without a browser; chart-export.ts does the DOM part.
 */
export type ChartFrame = { title: string; legend: { label: string; fill: string }[]; lines: string[] };

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONT = 'font-family="Arial, Helvetica, sans-serif"';
const TITLE_H = 36;
const ROW_H = 20;
// Wide enough for a swatch and a label at 12 px: Arial averages under 7 px a character.
const itemWidth = (label: string) => 26 + label.length * 7;

/** Lays the legend out in rows that fit `width`. */
export function legendRows(legend: ChartFrame['legend'], width: number): ChartFrame['legend'][] {
  const rows: ChartFrame['legend'][] = [];
  let row: ChartFrame['legend'] = [];
  let used = 0;
  for (const item of legend) {
    const w = itemWidth(item.label);
    if (row.length > 0 && used + w > width - 16) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(item);
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** The file's SVG: `chart` is the chart's serialized <svg> of `width` × `height`. */
export function framedSvg(chart: string, width: number, height: number, frame: ChartFrame): string {
  const rows = legendRows(frame.legend, width);
  const legendTop = TITLE_H + height + 8;
  const linesTop = legendTop + rows.length * ROW_H + 8;
  const total = linesTop + frame.lines.length * 16 + 8;
  const legend = rows
    .flatMap((row, r) => {
      let x = 8;
      return row.map((item) => {
        const y = legendTop + r * ROW_H;
        const out = `<rect x="${x}" y="${y}" width="14" height="14" fill="${escape(item.fill)}" stroke="#1f1f1f" stroke-width="0.5"/><text x="${x + 20}" y="${y + 12}" font-size="12" ${FONT} fill="#1f1f1f">${escape(item.label)}</text>`;
        x += itemWidth(item.label);
        return out;
      });
    })
    .join('');
  const lines = frame.lines
    .map(
      (line, i) =>
        `<text x="8" y="${linesTop + 12 + i * 16}" font-size="11" ${FONT} fill="#333">${escape(line)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="24" font-size="16" font-weight="bold" ${FONT} fill="#1f1f1f">${escape(frame.title)}</text>`,
    `<g transform="translate(0 ${TITLE_H})">${chart}</g>`,
    legend,
    lines,
    '</svg>',
  ].join('');
}

/** The lines under a chart file: the facts of the view (version, date, coverage …), then source and citable link. */
export const frameLines = (facts: readonly string[], source: string, link: string): string[] => [
  facts.join(' · '),
  `${source} · ${link}`,
];
