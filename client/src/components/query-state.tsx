import { useDeferredValue, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { useT } from '../lib/i18n.ts';

/**
 * Loading, error (with retry) and empty states for one query; children render the data.
 * The data renders as a deferred value: React draws a large table in slices between which the
 * browser stays responsive, and a changed filter keeps the previous view until the new one is ready.
 */
export function QueryState<T>({
  query,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const data = useDeferredValue(query.data);
  if (query.isError) {
    const unreachable = query.error instanceof ApiError && query.error.status === 0;
    // Offline with nothing stored for this view: said at once, not after a spinner.
    const offline = query.error instanceof ApiError && query.error.nothingStored;
    return (
      <div className="state state-error" role="alert" data-testid={offline ? 'offline-no-data' : undefined}>
        <p>
          {offline ? (
            t.offline.noData
          ) : (
            <>
              <strong>{t.errorTitle}</strong> {unreachable ? t.errorOffline : query.error.message}
            </>
          )}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (data === undefined)
    return (
      <p className="state state-loading" role="status">
        {t.loading}
      </p>
    );
  if (isEmpty?.(data)) return <p className="state state-empty">{t.empty}</p>;
  return <>{children(data)}</>;
}
