import { queryOptions } from '@tanstack/react-query';
import type { ReportedFiguresQueryInput } from '@zielmonitor/shared/schemas/reported-figure';
import type { StatsQueryInput } from '@zielmonitor/shared/schemas/stats';
import { api, withQuery } from './client.ts';

export const statsKeys = {
  all: ['stats'] as const,
  ressorts: (query: StatsQueryInput) => [...statsKeys.all, 'ressorts', query] as const,
  figures: (query: ReportedFiguresQueryInput) => ['reported-figures', query] as const,
};

export const ressortStatsQuery = (query: StatsQueryInput) =>
  queryOptions({
    queryKey: statsKeys.ressorts(query),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/stats').then((m) => m.RessortStatsResponse),
        withQuery('/api/stats/ressorts', query),
      ),
  });

/** The per-Ressort table as CSV for German Excel, with the same figures and stamp as the view. */
export const ressortStatsCsvUrl = (params: StatsQueryInput) => withQuery('/api/export/ressort-stats.csv', params);

export const reportedFiguresQuery = (query: ReportedFiguresQueryInput) =>
  queryOptions({
    queryKey: statsKeys.figures(query),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/reported-figure').then((m) => m.ReportedFiguresResponse),
        withQuery('/api/reported-figures', query),
      ),
  });
