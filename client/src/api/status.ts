import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  StatusCorrectionInput,
  StatusUpdateInput,
  StatusWithdrawalBody,
} from '@zielmonitor/shared/schemas/status-update';
import { api } from './client.ts';
import { goalKeys } from './goals.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';

const response = () => import('@zielmonitor/shared/schemas/status-update').then((m) => m.StatusUpdateResponse);
const goalPath = (goalId: string) => `/api/goals/${encodeURIComponent(goalId)}/status`;

/** After any write to a goal's record, everything that shows a status is refreshed at once. */
function useStatusWrite<B>(path: (body: B) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api(response, path(body), { method: 'POST', json: body }),
    onSuccess: () => invalidate(client, goalKeys.all, statsKeys.all, ['changes'], ['timeline']),
    // A conflict means the goal moved on: show its current state beside the kept entries.
    onError: () => invalidate(client, goalKeys.all),
  });
}

/** A new status report. */
export const useReportStatus = (goalId: string) => useStatusWrite<StatusUpdateInput>(() => goalPath(goalId));

/** A correction of one earlier report: a new report that supersedes it, with a reason. */
export const useCorrectStatus = (goalId: string, eventId: number) =>
  useStatusWrite<StatusCorrectionInput>(() => `${goalPath(goalId)}/${eventId}/correction`);

/** The withdrawal of one earlier report, with a reason. */
export const useWithdrawStatus = (goalId: string, eventId: number) =>
  useStatusWrite<StatusWithdrawalBody>(() => `${goalPath(goalId)}/${eventId}/withdrawal`);
