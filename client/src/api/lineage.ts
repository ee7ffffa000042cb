import { queryOptions } from '@tanstack/react-query';
import { LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import { DueResponse, LegislativePeriodsResponse } from '@zielmonitor/shared/schemas/stats';
import type { Track } from '@zielmonitor/shared/schemas/common';
import { api, withQuery } from './client.ts';

const lineageKeys = {
  lineage: (from: string, to: string, track: Track) => ['lineage', from, to, track] as const,
  periods: ['legislative-periods'] as const,
  due: (version: string, period: string) => ['stats', 'due', version, period] as const,
};

export const lineageQuery = (from: string, to: string, track: Track) =>
  queryOptions({
    queryKey: lineageKeys.lineage(from, to, track),
    queryFn: () => api(LineageResponse, withQuery('/api/lineage', { from, to, track })),
  });

export const periodsQuery = () =>
  queryOptions({
    queryKey: lineageKeys.periods,
    queryFn: () => api(LegislativePeriodsResponse, '/api/legislative-periods'),
    staleTime: Infinity,
  });

export const dueQuery = (version: string, period: string) =>
  queryOptions({
    queryKey: lineageKeys.due(version, period),
    queryFn: () => api(DueResponse, withQuery('/api/stats/due', { version, period })),
  });
