import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

const metaKeys = {
  versions: ['versions'] as const,
  ressorts: ['ressorts'] as const,
  about: ['about'] as const,
};

export const versionsQuery = () =>
  queryOptions({
    queryKey: metaKeys.versions,
    queryFn: () =>
      api(() => import('@zielmonitor/shared/schemas/version').then((m) => m.VersionsResponse), '/api/versions'),
    staleTime: Infinity,
  });

export const ressortsQuery = () =>
  queryOptions({
    queryKey: metaKeys.ressorts,
    queryFn: () =>
      api(() => import('@zielmonitor/shared/schemas/ressort').then((m) => m.RessortsResponse), '/api/ressorts'),
    staleTime: Infinity,
  });

/** Contact and operator for the accessibility statement. */
export const aboutQuery = () =>
  queryOptions({
    queryKey: metaKeys.about,
    queryFn: () => api(() => import('@zielmonitor/shared/schemas/health').then((m) => m.AboutResponse), '/api/about'),
    staleTime: Infinity,
  });
