import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { unsubscribeQuery, useUnsubscribe } from '../../api/voices.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useVoicesT } from '../../lib/messages-voices.ts';

/**
 * The unsubscribe link of a mail: says what it ends and asks once (a link scanner that opens the
 * page ends nothing). Mail programs use the one-click POST of the List-Unsubscribe header instead.
 */
export function UnsubscribePage() {
  const v = useVoicesT();
  const { token = '' } = useParams();
  const lookup = useQuery(unsubscribeQuery(token));
  const end = useUnsubscribe(token);
  if (end.isSuccess)
    return (
      <section className="narrow">
        <h1>{v.unsubscribeTitle}</h1>
        <p role="status" className="saved" data-testid="unsubscribed">
          {v.unsubscribed}
        </p>
      </section>
    );
  return (
    <section className="narrow">
      <h1>{v.unsubscribeTitle}</h1>
      <QueryState query={lookup}>
        {(l) => (
          <>
            <p>{v.unsubscribeFor(l.maskedEmail)}</p>
            <ul>
              {l.subscriptions.map((s) => (
                <li key={`${s.scope}-${s.scopeId}`}>
                  <Link to={s.path}>{s.label}</Link> ({s.frequency === 'daily' ? v.daily : v.immediate})
                </li>
              ))}
            </ul>
            {l.others > 0 && <p>{v.unsubscribeOthers(l.others)}</p>}
            {end.error && (
              <p className="form-error" role="alert">
                {end.error.message}
              </p>
            )}
            <div className="form-actions">
              <button type="button" onClick={() => end.mutate({ all: false })} disabled={end.isPending}>
                {v.unsubscribeSubmit}
              </button>
              {l.others > 0 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => end.mutate({ all: true })}
                  disabled={end.isPending}
                >
                  {v.unsubscribeAll}
                </button>
              )}
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
