import type { ReactNode } from 'react';
import { formatDate } from '@zielmonitor/shared/time/format';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useT } from '../../lib/i18n.ts';
import type { toTimelineRows } from '../../lib/shape-timeline.ts';
import { STATUS_ORDER } from '../../lib/status.ts';

/** A timeline chart's figures as a table: one row per date, one column per status. */
export function TimelineTable({ rows, caption }: { rows: ReturnType<typeof toTimelineRows>; caption: ReactNode }) {
  const t = useT();
  return (
    <TableScroll>
      <table className="data-table">
        {caption}
        <thead>
          <tr>
            <th scope="col">{t.time.date}</th>
            {STATUS_ORDER.map((s) => (
              <th key={s} scope="col" className="num">
                {t.status[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.date}>
              <th scope="row">{formatDate(row.date, t.lang)}</th>
              {STATUS_ORDER.map((s) => (
                <td key={s} className="num">
                  {row[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
