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

/** 201 answers the report as published, 202 the submission that waits for a second person's release. */
const response = () =>
  Promise.all([
    import('@zielmonitor/shared/schemas/status-update'),
    import('@zielmonitor/shared/schemas/submission'),
  ]).then(([update, submission]) => update.StatusUpdateResponse.or(submission.SubmissionResponse));
const goalPath = (goalId: string) => `/api/goals/${encodeURIComponent(goalId)}/status`;

/** After any write to a goal's record, everything that shows a status is refreshed at once. */
function useStatusWrite<B>(path: (body: B) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api(response, path(body), { method: 'POST', json: body }),
    onSuccess: () => invalidate(client, goalKeys.all, statsKeys.all, ['changes'], ['timeline'], ['submissions']),
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

/** Where a form goes after a write: the goal page, saying whether the report was published or waits for release. */
export function afterWrite(goalId: string, result: { submission: { id: number } } | { event: { id: number } }): string {
  const path = `/ziele/${encodeURIComponent(goalId)}`;
  return 'submission' in result ? `${path}?eingereicht=${result.submission.id}` : `${path}?gemeldet=${result.event.id}`;
}
