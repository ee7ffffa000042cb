import { queryOptions } from '@tanstack/react-query';
import type { AuditQueryInput } from '@zielmonitor/shared/schemas/audit';
import { api, withQuery } from './client.ts';

const auditKeys = {
  page: (query: AuditQueryInput) => ['audit', query] as const,
};

export const auditQuery = (query: AuditQueryInput) =>
  queryOptions({
    queryKey: auditKeys.page(query),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/audit').then((m) => m.AuditResponse),
        withQuery('/api/audit', query),
      ),
  });
