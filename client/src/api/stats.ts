import { queryOptions } from '@tanstack/react-query';
import { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { ReportedFiguresResponse } from '@zielmonitor/shared/schemas/reported-figure';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { CountingRule } from '@zielmonitor/shared/schemas/counting-rule';
import { api, withQuery } from './client.ts';
import type { PointInTimeParams } from './goals.ts';

export type StatsParams = PointInTimeParams & { version: string; track: Track; rule: CountingRule };

export const statsKeys = {
  all: ['stats'] as const,
  ressorts: (params: StatsParams) => [...statsKeys.all, 'ressorts', params] as const,
  figures: (version: string, at: PointInTimeParams) => ['reported-figures', version, at] as const,
};

export const ressortStatsQuery = (params: StatsParams) => queryOptions({
  queryKey: statsKeys.ressorts(params),
  queryFn: () => api(RessortStatsResponse, withQuery('/api/stats/ressorts', params)),
});

export const reportedFiguresQuery = (version: string, at: PointInTimeParams) => queryOptions({
  queryKey: statsKeys.figures(version, at),
  queryFn: () => api(ReportedFiguresResponse, withQuery('/api/reported-figures', { version, ...at })),
});
