import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { AuditEntry } from '@zielmonitor/shared/schemas/audit';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { AUDIT_ACTION_LABELS } from '@zielmonitor/shared/vocabulary/audit-actions';
import { auditQuery } from '../../api/audit.ts';
import { ApiError, withQuery } from '../../api/client.ts';
import { ressortsQuery } from '../../api/meta.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useT } from '../../lib/i18n.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

const DEFAULTS = { actor: '', ressort: '', action: '', from: '', to: '' };

/** What an entry is about, as a link where there is a page for it. */
function Subject({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const { type, id } = entry.subject;
  if (type === 'goal') return <Link to={`/ziele/${encodeURIComponent(id)}`}>{`${t.audit.subject.goal} ${id}`}</Link>;
  if (type === 'indicator')
    return <Link to={`/kennzahlen/${encodeURIComponent(id)}`}>{`${t.audit.subject.indicator} ${id}`}</Link>;
  if (type === 'round') return <Link to={`/runden/${id}`}>{`${t.audit.subject.round} ${id}`}</Link>;
  if (type === 'snapshot') return <Link to={`/?snapshot=${encodeURIComponent(id)}`}>{t.audit.subject.snapshot}</Link>;
  if (type === 'user') return <>{`${t.audit.subject.user} ${id}`}</>;
  return <>{id}</>;
}

/** The audit log, readable: German actions, labelled changes, links, filters and a CSV for Excel. */
export function AuditPage() {
  const t = useT();
  const [state, update] = useUrlState(DEFAULTS);
  const ressorts = useQuery(ressortsQuery());
  const query = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== '')) as Partial<typeof DEFAULTS>;
  const audit = useQuery({ ...auditQuery({ ...query, limit: 200 }), placeholderData: keepPreviousData });
  if (audit.error instanceof ApiError && (audit.error.status === 401 || audit.error.status === 403)) {
    return (
      <section>
        <h1>{t.audit.title}</h1>
        <p>{t.audit.forbidden}</p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t.audit.title}</h1>
      <form className="filters" role="search" aria-label={t.audit.filters} onSubmit={(e) => e.preventDefault()}>
        <label className="control">
          <span>{t.audit.who}</span>
          <input
            type="search"
            value={state.actor}
            onChange={(e) => update({ actor: e.target.value }, { replace: true })}
          />
        </label>
        <label className="control">
          <span>{t.goals.ressort}</span>
          <select value={state.ressort} onChange={(e) => update({ ressort: e.target.value })}>
            <option value="">{t.goals.allRessorts}</option>
            {(ressorts.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {r.code}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t.audit.what}</span>
          <select value={state.action} onChange={(e) => update({ action: e.target.value })}>
            <option value="">{t.audit.allActions}</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t.audit.from}</span>
          <input type="date" value={state.from} onChange={(e) => update({ from: e.target.value })} />
        </label>
        <label className="control">
          <span>{t.audit.to}</span>
          <input type="date" value={state.to} onChange={(e) => update({ to: e.target.value })} />
        </label>
      </form>
      <QueryState query={audit}>
        {(data) => (
          <>
            <p className="table-toolbar">
              <span role="status">{t.audit.count(data.items.length, data.total)}</span>{' '}
              <a href={withQuery('/api/export/audit.csv', query)} download>
                {t.goals.exportCsv}
              </a>
            </p>
            {data.items.length === 0 ? (
              <p className="state state-empty">{t.empty}</p>
            ) : (
              <TableScroll>
                <table className="data-table audit-table" data-testid="audit-table">
                  <caption className="visually-hidden">{t.audit.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.audit.when}</th>
                      <th scope="col">{t.audit.who}</th>
                      <th scope="col">{t.audit.what}</th>
                      <th scope="col">{t.audit.entity}</th>
                      <th scope="col">{t.audit.changes}</th>
                      <th scope="col">{t.audit.address}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((e) => (
                      <tr key={e.id}>
                        <td>{formatDateTime(e.at, t.lang)}</td>
                        <td>{e.actor}</td>
                        <td>{e.actionLabel}</td>
                        <td>
                          <Subject entry={e} />
                        </td>
                        <td>
                          <ul className="changes">
                            {e.changes.map((c) => (
                              <li key={c.label}>
                                {c.label}: {c.before !== null && <>{c.before} → </>}
                                {c.after ?? '–'}
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td>{e.ip ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
