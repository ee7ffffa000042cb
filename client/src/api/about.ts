import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

/** This installation: operator, accessibility contact, whether it sends mail, whether releases are needed. */
export const aboutQuery = () =>
  queryOptions({
    queryKey: ['about'] as const,
    queryFn: () => api(() => import('@zielmonitor/shared/schemas/health').then((m) => m.AboutResponse), '/api/about'),
    staleTime: Infinity,
  });
