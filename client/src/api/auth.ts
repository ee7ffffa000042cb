import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

const authSchemas = () => import('@zielmonitor/shared/schemas/auth');
const meSchema = () => authSchemas().then((m) => m.MeResponse);

export const authKeys = {
  me: ['auth', 'me'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: () => api(meSchema, '/api/auth/me'),
    staleTime: 60_000,
  });

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
