import { StatusLegend } from './status-legend.tsx';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import type { TimelineRow } from '../../lib/shape-timeline.ts';
import { isStatus, STATUS_ORDER, STATUS_STYLE } from '../../lib/status.ts';
import { StatusPatterns, statusFill } from './status-patterns.tsx';

/** Presentational: status counts over time as stacked areas; small=true for small multiples. */
export function TimelineChart({ rows, small = false }: { rows: TimelineRow[]; small?: boolean }) {
  const t = useT();
  return (
    <div style={{ width: '100%', height: small ? 140 : 320 }} aria-hidden="true" inert>
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <StatusPatterns />
          <CartesianGrid stroke="#d0d0d0" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={(d: string) => formatDate(d.slice(0, 7), t.lang)}
            tick={{ fill: '#1f1f1f', fontSize: small ? 10 : 12 }}
            minTickGap={24}
          />
          <YAxis allowDecimals={false} width={small ? 24 : 36} tick={{ fill: '#1f1f1f', fontSize: small ? 10 : 12 }} />
          {!small && (
            <Tooltip
              labelFormatter={(d) => (typeof d === 'string' ? formatDate(d, t.lang) : '')}
              formatter={(v, name) => [String(v), isStatus(name) ? t.status[name] : String(name)]}
            />
          )}
          {!small && <Legend content={<StatusLegend statuses={STATUS_ORDER} />} />}
          {STATUS_ORDER.map((status) => (
            <Area
              key={status}
              type="stepAfter"
              dataKey={status}
              stackId="s"
              stroke={STATUS_STYLE[status].color}
              fill={statusFill(status)}
              fillOpacity={1}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
