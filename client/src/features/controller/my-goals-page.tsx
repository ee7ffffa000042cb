import { useQuery } from '@tanstack/react-query';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { ressortsQuery } from '../../api/meta.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import { Link } from 'wouter';
import { meQuery } from '../../api/auth.ts';
import { goalsQuery } from '../../api/goals.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { compareKeys } from '@zielmonitor/shared/vocabulary/compare-keys';
import { formatDate } from '@zielmonitor/shared/time/format';
import { formatDueDate } from '../../lib/due-date.ts';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** Due and overdue first: overdue, then by due date, goals without a due date last. */
function byUrgency(a: GoalSummary, b: GoalSummary): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    compareKeys(a.effectiveDueDate ?? '9999', b.effectiveDueDate ?? '9999') ||
    compareKeys(a.id, b.id)
  );
}

export function MyGoalsPage() {
  const t = useT();
  const tc = useControllerT();
  const me = useQuery(meQuery());
  const user = me.data?.user;
  // The server decides which goals the user may report on: today's responsibility, not the strategy's Ressort.
  const reportable = useQuery({
    ...goalsQuery({ reportable: 'true', sort: 'dueDate', order: 'asc', limit: 500 }),
    enabled: Boolean(user),
  });
  const ressorts = useQuery(ressortsQuery());
  const w = useWorkflowT();
  if (me.isPending) return <p role="status">{t.loading}</p>;
  if (!user)
    return (
      <section>
        <h1>{tc.myGoals}</h1>
        <p>
          <Link to="/anmelden">{tc.loginFirst}</Link>
        </p>
      </section>
    );
  const goals = [...(reportable.data?.items ?? [])].sort(byUrgency);
  // Ressorts of the user that were dissolved: say where their goals went.
  const dissolved = (ressorts.data ?? []).filter(
    (r) => user.ressorts.includes(r.code) && r.validTo !== null && r.validTo <= todayInBerlin(),
  );
  return (
    <section>
      <h1>{tc.myGoals}</h1>
      <p>{user.role === 'admin' ? tc.introAdmin : tc.intro(user.ressorts)}</p>
      {dissolved.map((r) => (
        <p key={r.code} className="panel notice" data-testid="dissolved-ressort">
          {w.dissolved(r.code, formatDate(r.validTo ?? '', t.lang), r.successors.map((s) => s.code).join(', '))}
        </p>
      ))}
      {reportable.isPending ? (
        <p role="status">{t.loading}</p>
      ) : goals.length === 0 ? (
        <p className="state state-empty" data-testid="my-goals-empty">
          {w.myGoalsEmpty}
        </p>
      ) : (
        <TableScroll>
          <table className="data-table" data-testid="my-goals">
            <caption className="visually-hidden">{tc.myGoals}</caption>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">{t.goals.colTitle}</th>
                <th scope="col">{t.goals.colDue}</th>
                <th scope="col">{t.goals.colStatus}</th>
                <th scope="col">
                  <span className="visually-hidden">{tc.report}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {goals.map((g) => (
                <tr key={g.id}>
                  <td className="mono">{g.id}</td>
                  <td>
                    <Link to={`/ziele/${encodeURIComponent(g.id)}`}>{g.title}</Link>
                  </td>
                  <td>
                    {formatDueDate(g, t.lang) ?? '–'}
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
                    <Link
                      className="button-link"
                      to={`/ziele/${encodeURIComponent(g.id)}/melden`}
                      aria-label={`${tc.report}: ${g.id}`}
                    >
                      {tc.report}
                    </Link>{' '}
                    <Link
                      className="button-link secondary"
                      to={`/ziele/${encodeURIComponent(g.id)}/melden?unveraendert=1`}
                      aria-label={`${w.confirmUnchanged}: ${g.id}`}
                    >
                      {w.confirmUnchanged}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
