import { queryOptions } from '@tanstack/react-query';
import type { AuditQueryInput } from '@zielmonitor/shared/schemas/audit';
import { api, withQuery } from './client.ts';

const auditKeys = { list: (query: AuditQueryInput) => ['audit', query] as const };

/** The audit log (administration only), filtered, newest first. */
export const auditQuery = (query: AuditQueryInput) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/audit').then((m) => m.AuditResponse),
        withQuery('/api/audit', query),
      ),
  });
