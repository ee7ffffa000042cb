import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

/**
 * Facts about this installation: operator, feedback address, whether it can send mail. Only pages
 * load it (the statements, the forms that would send mail), not the first screen.
 */
export const aboutQuery = () =>
  queryOptions({
    queryKey: ['about'] as const,
    queryFn: () => api(() => import('@zielmonitor/shared/schemas/health').then((m) => m.AboutResponse), '/api/about'),
    staleTime: Infinity,
  });
