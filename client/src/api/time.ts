import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangesQueryInput } from '@zielmonitor/shared/schemas/changes';
import type { CreateSnapshotBody } from '@zielmonitor/shared/schemas/snapshot';
import type { TimelineQueryInput } from '@zielmonitor/shared/schemas/timeline';
import { api, withQuery } from './client.ts';
import { invalidate } from './query-client.ts';

const snapshots = () => import('@zielmonitor/shared/schemas/snapshot');

const timeKeys = {
  timelineAll: ['timeline'] as const,
  timeline: (query: TimelineQueryInput) => [...timeKeys.timelineAll, query] as const,
  changesAll: ['changes'] as const,
  changes: (query: ChangesQueryInput) => [...timeKeys.changesAll, query] as const,
  snapshots: ['snapshots'] as const,
  snapshot: (id: string) => [...timeKeys.snapshots, id] as const,
};

export const timelineQuery = (query: TimelineQueryInput) =>
  queryOptions({
    queryKey: timeKeys.timeline(query),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/timeline').then((m) => m.TimelineResponse),
        withQuery('/api/stats/timeline', query),
      ),
  });

/** The Verlauf's table as CSV for German Excel, with the same figures and stamp as the view. */
export const timelineCsvUrl = (query: TimelineQueryInput) => withQuery('/api/export/timeline.csv', query);

export const changesQuery = (query: ChangesQueryInput) =>
  queryOptions({
    queryKey: timeKeys.changes(query),
    queryFn: () =>
      api(
        () => import('@zielmonitor/shared/schemas/changes').then((m) => m.ChangesResponse),
        withQuery('/api/changes', query),
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
