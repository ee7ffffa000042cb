import { queryOptions } from '@tanstack/react-query';
import { RessortsResponse } from '@zielmonitor/shared/schemas/ressort';
import { VersionsResponse } from '@zielmonitor/shared/schemas/version';
import { api } from './client.ts';

export const metaKeys = {
  versions: ['versions'] as const,
  ressorts: ['ressorts'] as const,
};

export const versionsQuery = () => queryOptions({
  queryKey: metaKeys.versions,
  queryFn: () => api(VersionsResponse, '/api/versions'),
  staleTime: Infinity,
});

export const ressortsQuery = () => queryOptions({
  queryKey: metaKeys.ressorts,
  queryFn: () => api(RessortsResponse, '/api/ressorts'),
  staleTime: Infinity,
});
