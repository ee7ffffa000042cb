import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { useT } from '../lib/i18n.ts';

/** Loading, error (with retry) and empty states for one query; children render the data. */
export function QueryState<T>({ query, isEmpty, children }: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <p className="state state-loading" role="status">{t.loading}</p>;
  if (query.isError) {
    const offline = query.error instanceof ApiError && query.error.status === 0;
    return (
      <div className="state state-error" role="alert">
        <p><strong>{t.errorTitle}</strong> {offline ? t.errorOffline : query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()}>{t.retry}</button>
      </div>
    );
  }
  if (isEmpty?.(query.data)) return <p className="state state-empty">{t.empty}</p>;
  return <>{children(query.data)}</>;
}
