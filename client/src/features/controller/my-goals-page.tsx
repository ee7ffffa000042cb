import { useQueries, useQuery } from '@tanstack/react-query';
import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import { Link } from 'wouter';
import { meQuery } from '../../api/auth.ts';
import { goalsQuery } from '../../api/goals.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { compareKeys } from '@zielmonitor/shared/vocabulary/compare-keys';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';

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
  const me = useQuery(meQuery());
  const user = me.data?.user;
  const scopes = user?.role === 'admin' ? [undefined] : (user?.ressorts ?? []);
  const lists = useQueries({
    queries: scopes.map((ressort) => ({
      ...goalsQuery({ ressort, sort: 'dueDate', order: 'asc', limit: 500 }),
      enabled: Boolean(user),
    })),
  });
  if (me.isPending) return <p role="status">{t.loading}</p>;
  if (!user)
    return (
      <section>
        <h1>{t.controller.myGoals}</h1>
        <p>
          <Link to="/anmelden">{t.controller.loginFirst}</Link>
        </p>
      </section>
    );
  const goals = lists.flatMap((q) => q.data?.items ?? []).sort(byUrgency);
  return (
    <section>
      <h1>{t.controller.myGoals}</h1>
      <p>{user.role === 'admin' ? t.controller.introAdmin : t.controller.intro(user.ressorts.join(', '))}</p>
      {lists.some((q) => q.isPending) ? (
        <p role="status">{t.loading}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="my-goals">
            <caption className="visually-hidden">{t.controller.myGoals}</caption>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">{t.goals.colTitle}</th>
                <th scope="col">{t.goals.colDue}</th>
                <th scope="col">{t.goals.colStatus}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.controller.report}</span>
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
                    {g.effectiveDueDate ? formatDate(g.effectiveDueDate, t.lang) : '–'}
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
                      aria-label={`${t.controller.report}: ${g.id}`}
                    >
                      {t.controller.report}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
