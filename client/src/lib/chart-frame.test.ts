import { describe, expect, it } from 'vitest';
import { framedSvg, legendRows } from './chart-frame.ts';

const frame = {
  title: 'Erfüllung je Ressort – alle Ziele · Landesregierung',
  legend: [
    { label: 'erreicht', fill: 'url(#p-achieved)' },
    { label: 'in Umsetzung', fill: '#1b4f8a' },
  ],
  lines: ['Quelle: Zielmonitor, öffentliche Dokumente <Landtag & Presse>', 'Stand: 30.06.2022 · http://x/?a=1&b=2'],
};

describe('a chart framed for a file', () => {
  it('draws title, chart, legend and the source and date lines, escaped', () => {
    const svg = framedSvg('<svg width="600" height="300"></svg>', 600, 300, frame);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="600"')).toBe(true);
    expect(svg).toContain('>Erfüllung je Ressort – alle Ziele · Landesregierung</text>');
    expect(svg).toContain('<g transform="translate(0 36)"><svg width="600" height="300"></svg></g>');
    expect(svg).toContain('fill="url(#p-achieved)"');
    expect(svg).toContain('>in Umsetzung</text>');
    expect(svg).toContain('öffentliche Dokumente &lt;Landtag &amp; Presse&gt;');
    expect(svg).toContain('Stand: 30.06.2022 · http://x/?a=1&amp;b=2');
    // Height: title, chart, one legend row, two lines.
    expect(svg).toMatch(/viewBox="0 0 600 (\d+)"/);
    expect(Number(/viewBox="0 0 600 (\d+)"/.exec(svg)?.[1])).toBe(36 + 300 + 8 + 20 + 8 + 2 * 16 + 8);
  });

  it('wraps the legend into rows that fit, losing none', () => {
    const legend = Array.from({ length: 7 }, (_, i) => ({ label: `teilweise erreicht ${i}`, fill: '#000' }));
    const rows = legendRows(legend, 320);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.flat()).toEqual(legend);
  });
});
