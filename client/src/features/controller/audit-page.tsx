import { useQuery } from '@tanstack/react-query';
import { auditQuery } from '../../api/audit.ts';
import { ApiError } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useT } from '../../lib/i18n.ts';

const compact = (value: unknown) => (value === null ? '–' : JSON.stringify(value));

export function AuditPage() {
  const t = useT();
  const audit = useQuery(auditQuery({ limit: 100, offset: 0 }));
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
      <QueryState query={audit} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <div className="table-scroll">
            <table className="data-table audit-table">
              <caption className="visually-hidden">{t.audit.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.audit.when}</th>
                  <th scope="col">{t.audit.who}</th>
                  <th scope="col">{t.audit.what}</th>
                  <th scope="col">{t.audit.entity}</th>
                  <th scope="col">{t.audit.before}</th>
                  <th scope="col">{t.audit.after}</th>
                  <th scope="col">{t.audit.address}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{new Date(e.at).toLocaleString(t.lang === 'de' ? 'de-DE' : 'en-GB')}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.entityType} {e.entityId}
                    </td>
                    <td className="json">{compact(e.before)}</td>
                    <td className="json">{compact(e.after)}</td>
                    <td>{e.ip ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
