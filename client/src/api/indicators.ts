import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { IndicatorDetailQueryInput, IndicatorsQueryInput } from '@zielmonitor/shared/schemas/indicator';
import type { ReadingInput } from '@zielmonitor/shared/schemas/indicator-write';
import { api, withQuery } from './client.ts';
import { goalKeys } from './goals.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';

const schemas = () => import('@zielmonitor/shared/schemas/indicator');

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (query: IndicatorsQueryInput) => [...indicatorKeys.all, 'list', query] as const,
  detail: (id: string, at: IndicatorDetailQueryInput) => [...indicatorKeys.all, 'detail', id, at] as const,
};

export const indicatorsQuery = (query: IndicatorsQueryInput) =>
  queryOptions({
    queryKey: indicatorKeys.list(query),
    queryFn: () => api(() => schemas().then((m) => m.IndicatorsResponse), withQuery('/api/indicators', query)),
  });

export const indicatorQuery = (id: string, at: IndicatorDetailQueryInput) =>
  queryOptions({
    queryKey: indicatorKeys.detail(id, at),
    queryFn: () =>
      api(() => schemas().then((m) => m.IndicatorDetail), withQuery(`/api/indicators/${encodeURIComponent(id)}`, at)),
  });

export const readingsCsvUrl = (query: { indicator?: string; version?: string; asOf?: string | undefined }) =>
  withQuery('/api/export/indicator-readings.csv', query);

/** 201 answers the reading as published, 202 the submission that waits for a second person's release. */
const readingResponse = () =>
  Promise.all([
    import('@zielmonitor/shared/schemas/indicator-write'),
    import('@zielmonitor/shared/schemas/submission'),
  ]).then(([write, submission]) => write.ReadingResponse.or(submission.SubmissionResponse));

/** A reading; on success every view that shows a rating, a Terminlage or what waits for release is refreshed. */
export function useReportReading(indicatorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReadingInput) =>
      api(readingResponse, `/api/indicators/${encodeURIComponent(indicatorId)}/readings`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: () => invalidate(client, indicatorKeys.all, goalKeys.all, statsKeys.all, ['submissions']),
  });
}

/** Where the form goes after a write: the indicator page, saying whether the reading was published or waits. */
export function afterReading(
  indicatorId: string,
  result: { submission: { id: number } } | { reading: { id: number } },
) {
  const path = `/kennzahlen/${encodeURIComponent(indicatorId)}`;
  return 'submission' in result ? `${path}?eingereicht=${result.submission.id}` : `${path}?gemeldet=1`;
}
