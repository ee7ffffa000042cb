import { queryOptions } from '@tanstack/react-query';
import { LineageResponse, type LineageQueryInput } from '@zielmonitor/shared/schemas/lineage';
import { DueResponse, LegislativePeriodsResponse, type DueQueryInput } from '@zielmonitor/shared/schemas/stats';
import { api, withQuery } from './client.ts';

const lineageKeys = {
  lineage: (query: LineageQueryInput) => ['lineage', query] as const,
  periods: ['legislative-periods'] as const,
  due: (query: DueQueryInput) => ['stats', 'due', query] as const,
};

export const lineageQuery = (query: LineageQueryInput) =>
  queryOptions({
    queryKey: lineageKeys.lineage(query),
    queryFn: () => api(LineageResponse, withQuery('/api/lineage', query)),
  });

/** The 44 → 78 chart's table (flows with their goals) as CSV for German Excel. */
export const lineageCsvUrl = (query: LineageQueryInput) => withQuery('/api/export/lineage.csv', query);

export const periodsQuery = () =>
  queryOptions({
    queryKey: lineageKeys.periods,
    queryFn: () => api(LegislativePeriodsResponse, '/api/legislative-periods'),
    staleTime: Infinity,
  });

export const dueQuery = (query: DueQueryInput) =>
  queryOptions({
    queryKey: lineageKeys.due(query),
    queryFn: () => api(DueResponse, withQuery('/api/stats/due', query)),
  });
