import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody } from '@zielmonitor/shared/schemas/auth';
import type { StatusUpdateInput } from '@zielmonitor/shared/schemas/status-update';

const meSchema = () => import('@zielmonitor/shared/schemas/auth').then((m) => m.MeResponse);
import { api, withQuery } from './client.ts';
import { goalKeys } from './goals.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';

const authKeys = {
  me: ['auth', 'me'] as const,
  audit: (offset: number) => ['audit', offset] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: () => api(meSchema, '/api/auth/me'),
    staleTime: 60_000,
  });

export const auditQuery = (offset: number) =>
  queryOptions({
    queryKey: authKeys.audit(offset),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/audit').then((m) => m.AuditResponse),
        withQuery('/api/audit', { limit: 100, offset }),
      ),
  });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api(meSchema, '/api/auth/login', { method: 'POST', json: body }),
    onSuccess: (data) => {
      client.setQueryData(authKeys.me, data);
      // Logged-in answers differ (no cache, own goals): refetch everything.
      void client.invalidateQueries();
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api(meSchema, '/api/auth/logout', { method: 'POST', json: {} }),
    onSettled: () => {
      client.setQueryData(authKeys.me, { user: null });
      void client.invalidateQueries();
    },
  });
}

/** A status report; on success everything that shows a status is refreshed at once. */
export function useReportStatus(goalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusUpdateInput) =>
      api(
        () => import('@zielmonitor/shared/schemas/status-update').then((m) => m.StatusUpdateResponse),
        `/api/goals/${encodeURIComponent(goalId)}/status`,
        { method: 'POST', json: body },
      ),
    onSuccess: () => invalidate(client, goalKeys.all, statsKeys.all, ['changes'], ['timeline']),
  });
}
