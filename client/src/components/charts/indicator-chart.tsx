import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { INDICATOR_CHART_HEIGHT, type IndicatorSeries } from '../../lib/shape-indicator.ts';

export type IndicatorChartLabels = {
  official: string;
  independent: string;
  planned: string;
  kind: { baseline: string; interim: string; target: string };
  year: (day: number) => string;
  value: (n: number) => string;
};

/**
 * Presentational: the readings of each track as lines against the planned path (dashed), with
 * baseline, interim targets and target marked. Screen readers get the table and the sentences
 * beside it; the chart is hidden from them.
 */
export function IndicatorChart({
  series,
  labels,
  percent,
}: {
  series: IndicatorSeries;
  labels: IndicatorChartLabels;
  percent: boolean;
}) {
  return (
    <div
      style={{ width: '100%', height: INDICATOR_CHART_HEIGHT }}
      aria-hidden="true"
      inert
      data-testid="indicator-chart"
    >
      <ResponsiveContainer>
        <LineChart data={series.points} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d0d0d0" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            domain={series.domain}
            ticks={series.yearTicks}
            tickFormatter={labels.year}
            tick={{ fill: '#1f1f1f', fontSize: 12 }}
          />
          <YAxis
            domain={percent ? [0, 100] : [0, 'auto']}
            tickFormatter={labels.value}
            width={percent ? 44 : 64}
            tick={{ fill: '#1f1f1f', fontSize: 12 }}
          />
          <Legend />
          <Line
            name={labels.planned}
            dataKey="plan"
            stroke="#555555"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            name={labels.official}
            dataKey="official"
            stroke="#005a9c"
            strokeWidth={3}
            dot={{ r: 5, fill: '#005a9c' }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            name={labels.independent}
            dataKey="independent"
            stroke="#a33a00"
            strokeWidth={3}
            strokeDasharray="1 0"
            dot={{ r: 5, fill: '#ffffff', stroke: '#a33a00', strokeWidth: 2 }}
            connectNulls
            isAnimationActive={false}
          />
          {series.markers.map((m) => (
            <ReferenceDot
              key={`${m.kind}-${m.t}`}
              x={m.t}
              y={m.value}
              r={6}
              fill="#ffffff"
              stroke="#1f1f1f"
              strokeWidth={2}
              label={{ value: labels.kind[m.kind], position: 'top', fill: '#1f1f1f', fontSize: 12 }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
