import { queryOptions } from '@tanstack/react-query';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { CountingRule } from '@zielmonitor/shared/vocabulary/counting-rules';
import { api, withQuery } from './client.ts';
import type { PointInTimeParams } from './goals.ts';

export type StatsParams = PointInTimeParams & { version: string; track: Track; rule: CountingRule };

export const statsKeys = {
  all: ['stats'] as const,
  ressorts: (params: StatsParams) => [...statsKeys.all, 'ressorts', params] as const,
  figures: (version: string, at: PointInTimeParams) => ['reported-figures', version, at] as const,
};

export const ressortStatsQuery = (params: StatsParams) =>
  queryOptions({
    queryKey: statsKeys.ressorts(params),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/stats').then((m) => m.RessortStatsResponse),
        withQuery('/api/stats/ressorts', params),
      ),
  });

/** The per-Ressort table as CSV for German Excel, with the same figures and stamp as the view. */
export const ressortStatsCsvUrl = (params: StatsParams) => withQuery('/api/export/ressort-stats.csv', params);

export const reportedFiguresQuery = (version: string, at: PointInTimeParams) =>
  queryOptions({
    queryKey: statsKeys.figures(version, at),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/reported-figure').then((m) => m.ReportedFiguresResponse),
        withQuery('/api/reported-figures', { version, ...at }),
      ),
  });
