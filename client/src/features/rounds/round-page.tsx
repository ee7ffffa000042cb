import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { formatDate } from '@zielmonitor/shared/time/format';
import { meQuery } from '../../api/auth.ts';
import { roundQuery, useCloseRound } from '../../api/workflow.ts';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useT } from '../../lib/i18n.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** One reporting round, public: per Ressort what was reported, what waits for release, what is missing. */
export function RoundPage() {
  const t = useT();
  const w = useWorkflowT();
  const { id = '' } = useParams();
  const round = useQuery(roundQuery(Number(id)));
  const me = useQuery(meQuery());
  const close = useCloseRound();
  return (
    <QueryState query={round}>
      {(r) => (
        <article>
          <p>
            <Link to="/runden">← {w.roundsTitle}</Link>
          </p>
          <h1>{r.name}</h1>
          <p className="view-stamp" data-testid="round-stamp">
            {t.stamp.versionShort(r.version)} · {w.roundDue(formatDate(r.dueOn, t.lang))} · {w.roundOpensOn}{' '}
            {formatDate(r.opensOn, t.lang)} · {t.stamp.asOf(formatDate(r.asOf, t.lang))} ·{' '}
            {r.closedAt ? w.roundClosed(formatDate(r.closedAt, t.lang)) : w.roundOpen}
            {r.snapshotId && (
              <>
                {' · '}
                {w.frozenAs} <span className="mono">{r.snapshotId}</span>
              </>
            )}
          </p>
          <p>{w.roundProgress(r.reported, r.goals, r.completeRessorts, r.ressortCodes.length)}</p>
          <TableScroll>
            <table className="data-table" data-testid="round-table">
              <caption>{r.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.roundRessort}</th>
                  <th scope="col" className="num">
                    {w.roundReported}
                  </th>
                  <th scope="col" className="num">
                    {w.roundPending}
                  </th>
                  <th scope="col" className="num">
                    {w.roundMissing}
                  </th>
                  <th scope="col">{t.goals.colStatus}</th>
                </tr>
              </thead>
              <tbody>
                {r.ressorts.map((row) => (
                  <tr key={row.ressort}>
                    <th scope="row">
                      <Link to={`/ressorts/${row.ressort}`}>{row.ressort}</Link>
                      {row.ressortName && <span className="ressort-full">{row.ressortName}</span>}
                    </th>
                    <td className="num">{row.reported}</td>
                    <td className="num">{row.pending}</td>
                    <td className="num">{row.missing}</td>
                    <td>
                      {row.complete ? (
                        <strong>{w.roundComplete}</strong>
                      ) : row.overdueSince ? (
                        <strong className="overdue">{w.roundOverdue(formatDate(row.overdueSince, t.lang))}</strong>
                      ) : (
                        w.roundOpen
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {r.ressorts.map((row) => (
            <section key={row.ressort} className="panel" aria-labelledby={`round-${row.ressort}`}>
              <h2 id={`round-${row.ressort}`}>
                {row.ressort} {row.ressortName && <span className="muted">{row.ressortName}</span>}
              </h2>
              {row.goals.length === 0 ? (
                <p className="muted">{t.empty}</p>
              ) : (
                <ul>
                  {row.goals.map((g) => (
                    <li key={g.goalId}>
                      <Link to={`/ziele/${encodeURIComponent(g.goalId)}`}>
                        {g.goalId} {g.title}
                      </Link>{' '}
                      · <StatusBadge status={g.status} /> ·{' '}
                      <strong className={g.state === 'missing' ? 'overdue' : undefined}>
                        {w.roundGoalState[g.state]}
                      </strong>
                      {g.reportedAt && <span className="muted"> ({formatDate(g.reportedAt, t.lang)})</span>}
                      {g.unsettled && <span className="muted"> – {w.roundUnsettled}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          {r.withoutRessort > 0 && <p className="basis">{w.roundWithoutRessort(r.withoutRessort)}</p>}
          {me.data?.user?.role === 'admin' && !r.closedAt && (
            <p>
              <button type="button" disabled={close.isPending} onClick={() => close.mutate(r.id)}>
                {w.closeRound}
              </button>
              {close.error && (
                <span className="form-error" role="alert">
                  {' '}
                  {close.error.message}
                </span>
              )}
            </p>
          )}
        </article>
      )}
    </QueryState>
  );
}
