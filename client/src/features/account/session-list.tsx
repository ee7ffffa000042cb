import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { sessionsQuery, useEndSession } from '../../api/accounts.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';

/** Where the account is signed in; each other session can be ended, or all at once. */
export function SessionList() {
  const t = useT();
  const a = useAccountsT();
  const sessions = useQuery(sessionsQuery());
  const end = useEndSession();
  return (
    <QueryState query={sessions}>
      {(data) => (
        <>
          <ul className="plain-list" data-testid="sessions">
            {data.items.map((s) => (
              <li key={s.id}>
                <strong>{s.device}</strong>
                {s.ip && ` (${s.ip})`} · {a.sessionSince(formatDateTime(s.createdAt, t.lang))} ·{' '}
                {a.sessionSeen(formatDateTime(s.lastSeenAt, t.lang))}
                {s.method && ` · ${a.sessionMethod[s.method]}`}{' '}
                {s.current ? (
                  <em>{a.thisSession}</em>
                ) : (
                  <button type="button" disabled={end.isPending} onClick={() => end.mutate(s.id)}>
                    {a.endSession}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {data.items.some((s) => !s.current) && (
            <button type="button" disabled={end.isPending} onClick={() => end.mutate('others')}>
              {a.endOthers}
            </button>
          )}
        </>
      )}
    </QueryState>
  );
}
