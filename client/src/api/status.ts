import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StatusUpdateInput } from '@zielmonitor/shared/schemas/status-update';
import { api } from './client.ts';
import { goalKeys } from './goals.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';
import { timeKeys } from './time.ts';

/** A status report; on success everything that shows a status is refreshed at once. */
export function useReportStatus(goalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusUpdateInput) =>
      api(
        () => import('@zielmonitor/shared/schemas/status-update').then((m) => m.StatusUpdateResponse),
        `/api/goals/${encodeURIComponent(goalId)}/status`,
        { method: 'POST', json: body },
      ),
    onSuccess: () => invalidate(client, goalKeys.all, statsKeys.all, timeKeys.changesAll, timeKeys.timelineAll),
  });
}
