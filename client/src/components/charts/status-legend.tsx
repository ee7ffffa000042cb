import type { Status } from '@zielmonitor/shared/schemas/common';
import { useT } from '../../lib/i18n.ts';
import { statusFill } from './status-patterns.tsx';

/**
 * The legend of the status charts, in the reader's words: recharts' own names each swatch
 * "<series key> legend icon" for screen readers — an internal key and English on a German page.
 * The swatches use the chart's patterns, so a status is told by shape as well as colour.
 */
export function StatusLegend({ statuses }: { statuses: readonly Status[] }) {
  const t = useT();
  return (
    <ul className="chart-legend">
      {statuses.map((status) => (
        <li key={status}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={statusFill(status)} stroke="#1f1f1f" strokeWidth="0.5" />
          </svg>{' '}
          {t.status[status]}
        </li>
      ))}
    </ul>
  );
}
