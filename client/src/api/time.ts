import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
const snapshots = () => import('@zielmonitor/shared/schemas/snapshot');
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { CreateSnapshotBody } from '@zielmonitor/shared/schemas/snapshot';
import { api, withQuery } from './client.ts';
import { invalidate } from './query-client.ts';

export type TimelineParams = {
  version: string;
  ressort?: string | undefined;
  interval: 'month' | 'quarter';
  track: Track;
  snapshot?: string | undefined;
  knownAt?: string | undefined;
  to?: string | undefined;
};

export const timeKeys = {
  timeline: (params: TimelineParams) => ['timeline', params] as const,
  changes: (params: ChangesParams) => ['changes', params] as const,
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

export type ChangesParams = {
  since: string;
  until?: string | undefined;
  version: string;
  knownAt?: string | undefined;
};

export const changesQuery = (params: ChangesParams) =>
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

/** Freezes a view (anyone may): answers the snapshot, an earlier one when the same content was frozen before. */
export function useCreateSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSnapshotBody) =>
      api(() => snapshots().then((m) => m.CreateSnapshotResponse), '/api/snapshots', { method: 'POST', json: body }),
    onSuccess: () => invalidate(client, timeKeys.snapshots),
  });
}
