import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { CorrectionRequest } from '@zielmonitor/shared/schemas/correction-request';
import { formatDate } from '@zielmonitor/shared/time/format';
import { meQuery } from '../../api/auth.ts';
import { requestStatsQuery, requestsQuery } from '../../api/voices.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useT } from '../../lib/i18n.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { AnswerForm } from './answer-form.tsx';

/**
 * "Hinweise": the public counts per Ressort for everyone; for the administration and the
 * Ressorts' controllers and reviewers, the requests to answer and those answered.
 */
export function RequestsPage() {
  const v = useVoicesT();
  const me = useQuery(meQuery());
  const user = me.data?.user;
  const answers = user !== undefined && user !== null && user.role !== 'assessor';
  return (
    <section>
      <h1>{v.requestsTitle}</h1>
      <p>{v.requestsIntro}</p>
      <RequestStats />
      {answers && <RequestQueue />}
    </section>
  );
}

function RequestStats() {
  const v = useVoicesT();
  const stats = useQuery(requestStatsQuery());
  return (
    <QueryState query={stats}>
      {(s) => (
        <div className="table-scroll">
          <table className="data-table" data-testid="request-stats">
            <caption>{v.requestsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{v.statsRessort}</th>
                <th scope="col">{v.statsOpen}</th>
                <th scope="col">{v.statsAccepted}</th>
                <th scope="col">{v.statsDeclined}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...s.ressorts.map((r) => ({ key: r.ressort, label: r.ressort, ...r })),
                { key: '-', label: v.statsWithout, ...s.withoutRessort },
              ].map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.open}</td>
                  <td>{row.accepted}</td>
                  <td>{row.declined}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{v.statsTotal}</th>
                <td>{s.total.open}</td>
                <td>{s.total.accepted}</td>
                <td>{s.total.declined}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </QueryState>
  );
}

function RequestQueue() {
  const v = useVoicesT();
  const requests = useQuery(requestsQuery('all'));
  return (
    <QueryState query={requests}>
      {({ items }) => {
        const open = items.filter((r) => r.state === 'open');
        const answered = items.filter((r) => r.state !== 'open');
        return (
          <>
            <h2>{v.queueTitle}</h2>
            {open.length === 0 ? (
              <p className="muted">{v.queueEmpty}</p>
            ) : (
              <ol className="history" data-testid="request-queue">
                {open.map((r) => (
                  <RequestItem key={r.id} request={r} />
                ))}
              </ol>
            )}
            {answered.length > 0 && (
              <>
                <h2>{v.answeredTitle}</h2>
                <ol className="history" data-testid="requests-answered">
                  {answered.map((r) => (
                    <RequestItem key={r.id} request={r} />
                  ))}
                </ol>
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function RequestItem({ request: r }: { request: CorrectionRequest }) {
  const v = useVoicesT();
  const { lang } = useT();
  return (
    <li id={`hinweis-${r.id}`}>
      <p className="event-head">
        <strong>{v.requestHead(r.id, formatDate(r.createdAt.slice(0, 10), lang))}</strong> ·{' '}
        <Link to={r.subject.path}>{r.subject.label}</Link> · {v.state[r.state]}
        {r.ressorts.length > 0 && <> · {r.ressorts.join(', ')}</>}
      </p>
      <p className="note">{r.description}</p>
      {r.evidenceUrl && (
        <p className="muted">
          {v.requestEvidence}:{' '}
          <a href={r.evidenceUrl} rel="noreferrer noopener" target="_blank">
            {r.evidenceUrl}
          </a>
        </p>
      )}
      {r.answerByMail && <p className="muted">{v.requestByMail}</p>}
      {r.state !== 'open' && (
        <>
          {r.answer && (
            <p>
              {v.answer}: {r.answer}
            </p>
          )}
          <p className="muted">
            {v.answeredBy(r.answeredBy ?? '–', formatDate((r.answeredAt ?? '').slice(0, 10), lang))}
            {r.link && (
              <>
                {' · '}
                <Link to={r.link.path}>{v.toCorrection}</Link>
              </>
            )}
          </p>
        </>
      )}
      {r.canAnswer && <AnswerForm request={r} />}
    </li>
  );
}
