import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody } from '@zielmonitor/shared/schemas/auth';

const meSchema = () => import('@zielmonitor/shared/schemas/auth').then((m) => m.MeResponse);
import { api, ApiError } from './client.ts';

const authKeys = {
  me: ['auth', 'me'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: () => api(meSchema, '/api/auth/me'),
    staleTime: 60_000,
  });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api(meSchema, '/api/auth/login', { method: 'POST', json: body }),
    // The server checks only a few passwords at once and says "busy, in a second" to the rest
    // (colleagues behind one address logging in together): try again, as it asks, up to 3 times.
    retry: (failures, error) => failures < 3 && error instanceof ApiError && error.body?.error.code === 'LOGIN_BUSY',
    retryDelay: 1000,
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
