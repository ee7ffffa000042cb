import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { MeResponse, type LoginBody } from '@zielmonitor/shared/schemas/auth';
import { AuditResponse } from '@zielmonitor/shared/schemas/audit';
import { StatusUpdateResponse, type StatusUpdateInput } from '@zielmonitor/shared/schemas/status-update';
import { api, withQuery } from './client.ts';
import { goalKeys } from './goals.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
  audit: (offset: number) => ['audit', offset] as const,
};

export const meQuery = () => queryOptions({
  queryKey: authKeys.me,
  queryFn: () => api(MeResponse, '/api/auth/me'),
  staleTime: 60_000,
});

export const auditQuery = (offset: number) => queryOptions({
  queryKey: authKeys.audit(offset),
  queryFn: () => api(AuditResponse, withQuery('/api/audit', { limit: 100, offset })),
});

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api(MeResponse, '/api/auth/login', { method: 'POST', json: body }),
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
    mutationFn: () => api(MeResponse, '/api/auth/logout', { method: 'POST', json: {} }),
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
      api(StatusUpdateResponse, `/api/goals/${encodeURIComponent(goalId)}/status`, { method: 'POST', json: body }),
    onSuccess: () => invalidate(client, goalKeys.all, statsKeys.all, ['changes'], ['timeline']),
  });
}
