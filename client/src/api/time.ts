import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
const snapshots = () => import('@zielmonitor/shared/schemas/snapshot');
import type { Track } from '@zielmonitor/shared/schemas/common';
import { api, withQuery } from './client.ts';
import { invalidate } from './query-client.ts';

export type TimelineParams = {
  version: string;
  ressort?: string | undefined;
  interval: 'month' | 'quarter';
  track: Track;
  snapshot?: string | undefined;
  to?: string | undefined;
};

const timeKeys = {
  timeline: (params: TimelineParams) => ['timeline', params] as const,
  changes: (params: { since: string; until?: string | undefined; version: string }) => ['changes', params] as const,
  snapshots: ['snapshots'] as const,
  snapshot: (id: string) => ['snapshots', id] as const,
};

export const timelineQuery = (params: TimelineParams) =>
  queryOptions({
    queryKey: timeKeys.timeline(params),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/timeline').then((m) => m.TimelineResponse),
        withQuery('/api/stats/timeline', params),
      ),
  });

export const changesQuery = (params: { since: string; until?: string | undefined; version: string }) =>
  queryOptions({
    queryKey: timeKeys.changes(params),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/changes').then((m) => m.ChangesResponse),
        withQuery('/api/changes', params),
      ),
  });

export const snapshotsQuery = () =>
  queryOptions({
    queryKey: timeKeys.snapshots,
    queryFn: () => api(() => snapshots().then((m) => m.SnapshotsResponse), '/api/snapshots'),
  });

export const snapshotQuery = (id: string) =>
  queryOptions({
    queryKey: timeKeys.snapshot(id),
    queryFn: () => api(() => snapshots().then((m) => m.SnapshotDetail), `/api/snapshots/${encodeURIComponent(id)}`),
    staleTime: Infinity,
  });

export function useCreateSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (title: string) =>
      api(() => snapshots().then((m) => m.SnapshotSummary), '/api/snapshots', { method: 'POST', json: { title } }),
    onSuccess: () => invalidate(client, timeKeys.snapshots),
  });
}
