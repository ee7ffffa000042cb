import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import { Link } from 'wouter';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDueDate } from '../../lib/due-date.ts';
import { useT } from '../../lib/i18n.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

type SortKey = 'id' | 'title' | 'ressort' | 'horizon' | 'status' | 'dueDate';

export function GoalsTable({
  items,
  sort,
  order,
  onSort,
}: {
  items: GoalSummary[];
  sort: SortKey;
  order: 'asc' | 'desc';
  onSort: (sort: SortKey, order: 'asc' | 'desc') => void;
}) {
  const t = useT();
  const kept = useKeptSearch();
  // `short`: the label on a phone, where the column is narrow; the long one is still its name.
  const header = (key: SortKey, label: string, short?: string) => {
    const active = sort === key;
    return (
      <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => onSort(key, active && order === 'asc' ? 'desc' : 'asc')}
          title={t.goals.sortBy(label)}
        >
          {short ? (
            <>
              <span className="wide-only">{label}</span>
              <span className="phone-only" aria-hidden="true">
                {short}
              </span>
            </>
          ) : (
            label
          )}{' '}
          <span aria-hidden="true">{active ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <TableScroll>
      <table className="data-table goals-table" data-testid="goals-table">
        <caption className="visually-hidden">{t.goals.caption}</caption>
        <thead>
          <tr>
            {header('id', 'ID')}
            {header('title', t.goals.colTitle)}
            {header('ressort', t.goals.colRessort)}
            {header('horizon', t.goals.colHorizon)}
            {header('dueDate', t.goals.colDue)}
            {header('status', t.goals.colStatus, t.goals.colStatusShort)}
            <th scope="col">{t.goals.colIndependent}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((g) => (
            <tr key={g.id}>
              <td className="mono">{g.id}</td>
              <td>
                <Link to={`/ziele/${encodeURIComponent(g.id)}${kept}`}>{g.title}</Link>
                {/* On a phone the columns after the title are folded into this line: nothing scrolls sideways. */}
                <span className="phone-only muted" aria-hidden="true">
                  {g.leadRessort ?? t.unknownRessort} · {t.goals.colDue}: {formatDueDate(g, t.lang) ?? t.goals.noDue}
                  {g.overdue && ` (${t.goals.overdue})`}
                  {g.independent && ` · ${t.goals.colIndependent}: ${t.status[g.independent.status]}`}
                </span>
              </td>
              <td>
                {g.leadRessort ?? <span className="muted">{t.unknownRessort}</span>}
                {g.coRessorts.length > 0 && <span className="muted"> + {g.coRessorts.join(', ')}</span>}
              </td>
              <td>{t.horizon[g.horizon]}</td>
              <td>
                {formatDueDate(g, t.lang) ?? t.goals.noDue}
                {g.dueDateSource === 'horizon' && <span className="muted"> ({t.goals.derivedDue})</span>}
                {g.overdue && (
                  <>
                    {' '}
                    <strong className="overdue">{t.goals.overdue}</strong>
                  </>
                )}
              </td>
              <td>
                <StatusBadge status={g.status} />
              </td>
              <td>
                {g.independent ? (
                  <>
                    <StatusBadge status={g.independent.status} />{' '}
                    <span className="muted">{g.independent.reporter}</span>
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
