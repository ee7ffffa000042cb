import { Link } from 'wouter';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { formatPercent } from '@zielmonitor/shared/time/format';
import { goalListLink, type GoalListFilters } from '../../lib/goal-list-link.ts';
import { useT } from '../../lib/i18n.ts';
import type { RessortRow } from '../../lib/shape-ressort-stats.ts';
import { STATUS_ORDER } from '../../lib/status.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { FigureReportLink, type FigureBasis } from '../../components/figure-report-link.tsx';

/** The chart's data as a table: the accessible equivalent, and every count drills down to its goals. */
export function RessortTable({
  rows,
  version,
  filters = {},
  basis,
}: {
  rows: RessortRow[];
  version: string;
  filters?: GoalListFilters;
  /** With a basis, each row has "Fehler melden" for its figures (the form offers each of the row). */
  basis?: FigureBasis;
}) {
  const t = useT();
  const kept = useKeptSearch();
  const link = (ressort: string, status?: string) => goalListLink(kept, { version, ressort, ...filters, status });
  return (
    <TableScroll>
      <table className="data-table" data-testid="ressort-table">
        <caption>{t.overview.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.overview.ressort}</th>
            <th scope="col" className="num">
              {t.overview.total}
            </th>
            {STATUS_ORDER.map((s) => (
              <th key={s} scope="col" className="num">
                {t.status[s]}
              </th>
            ))}
            <th scope="col" className="num">
              {t.overview.rate}
            </th>
            {basis && (
              <th scope="col" className="figure-report-col">
                <span className="visually-hidden">
                  {t.overview.reportFigure.before}
                  {t.overview.reportFigure.after}
                </span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">
                {row.code === 'unknown' ? (
                  row.label
                ) : (
                  <Link to={`/ressorts/${encodeURIComponent(row.code)}${kept}`}>{row.label}</Link>
                )}
                {row.name !== row.label && <span className="ressort-full">{row.name}</span>}
              </th>
              <td className="num">
                <Link to={link(row.code)}>{row.total}</Link>
              </td>
              {STATUS_ORDER.map((s) => (
                <td key={s} className="num">
                  {row[s] > 0 ? <Link to={link(row.code, s)}>{row[s]}</Link> : 0}
                </td>
              ))}
              <td className="num">{formatPercent(row.rate, t.lang)}</td>
              {basis && (
                <td>
                  <FigureReportLink
                    basis={basis}
                    figure={{ measure: 'status', status: 'achieved', ressort: row.code, value: row.achieved }}
                    what={`${row.label}: ${row.achieved} ${t.status.achieved}`}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
