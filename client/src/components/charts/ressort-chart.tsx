import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { presentStatuses, ressortChartHeight, type RessortRow } from '../../lib/shape-ressort-stats.ts';
import { StatusLegend } from './status-legend.tsx';
import { isStatus } from '../../lib/status.ts';
import { StatusPatterns, statusFill } from './status-patterns.tsx';

/**
 * Presentational: stacked bars per Ressort by status, counts in the bars, rate at the end. Its
 * text summary is the caption around it, which does not wait for recharts.
 */
export function RessortChart({ rows }: { rows: RessortRow[] }) {
  const t = useT();
  const height = ressortChartHeight(rows.length);
  // A series per status that occurs: each series costs recharts a pass on a slow laptop.
  const statuses = presentStatuses(rows);
  // On a phone the Ressort labels get less room; the table below carries the full names.
  const narrow = window.matchMedia('(max-width: 40rem)').matches;
  return (
    <div style={{ width: '100%', height }} aria-hidden="true" inert data-testid="ressort-chart">
      <ResponsiveContainer>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: narrow ? 40 : 64, bottom: 8, left: 4 }}
          accessibilityLayer={false}
        >
          <StatusPatterns />
          <CartesianGrid horizontal={false} stroke="#d0d0d0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: '#1f1f1f' }} />
          <YAxis
            type="category"
            dataKey="label"
            width={narrow ? 72 : 150}
            tick={{ fill: '#1f1f1f', fontSize: narrow ? 11 : 14 }}
          />
          <Tooltip
            formatter={(value, name) => [String(value), isStatus(name) ? t.status[name] : String(name)]}
            labelFormatter={(label) => {
              const row = rows.find((r) => r.label === label);
              return row ? `${row.name} – ${formatPercent(row.rate, t.lang)} ${t.status.achieved}` : '';
            }}
          />
          <Legend content={<StatusLegend statuses={statuses} />} />
          {statuses.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              stackId="s"
              fill={statusFill(status)}
              stroke="#ffffff"
              isAnimationActive={false}
            >
              <LabelList
                dataKey={status}
                position="center"
                fill="#ffffff"
                formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')}
              />
            </Bar>
          ))}
          {/* The rate ends every bar, whichever status it ends in: an empty series of its own, drawn
              one pixel wide so that recharts places a label after each bar. */}
          <Bar
            dataKey="end"
            stackId="s"
            fill="transparent"
            minPointSize={1}
            legendType="none"
            tooltipType="none"
            isAnimationActive={false}
          >
            <LabelList
              dataKey="rate"
              position="right"
              fill="#1f1f1f"
              formatter={(v: unknown) => formatPercent(Number(v), t.lang)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
