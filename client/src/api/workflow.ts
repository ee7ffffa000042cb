import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignResponsibilityBody } from '@zielmonitor/shared/schemas/goal';
import type { CreateRoundBody } from '@zielmonitor/shared/schemas/round';
import type { ReturnBody } from '@zielmonitor/shared/schemas/submission';
import { api, withQuery } from './client.ts';
import { goalKeys } from './goals.ts';
import { indicatorKeys } from './indicators.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';

const submissionSchemas = () => import('@zielmonitor/shared/schemas/submission');
const roundSchemas = () => import('@zielmonitor/shared/schemas/round');

const workflowKeys = {
  submissions: (state: string) => ['submissions', state] as const,
  rounds: ['rounds'] as const,
  round: (id: number) => ['rounds', id] as const,
};

/** Reports and readings waiting for release (or decided) that the signed-in user's Ressorts are responsible for. */
export const submissionsQuery = (state: 'pending' | 'released' | 'returned' = 'pending') =>
  queryOptions({
    queryKey: workflowKeys.submissions(state),
    queryFn: () =>
      api(() => submissionSchemas().then((m) => m.SubmissionsResponse), withQuery('/api/submissions', { state })),
  });

/** Releasing or returning a submission changes the record: everything that shows a status or a rating refreshes. */
export function useDecideSubmission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...decision
    }: { id: number } & ({ release: true; expectedRevision: number } | ({ release: false } & ReturnBody))) =>
      api(
        () => submissionSchemas().then((m) => m.SubmissionResponse),
        `/api/submissions/${id}/${decision.release ? 'release' : 'return'}`,
        {
          method: 'POST',
          json: decision.release
            ? { expectedRevision: decision.expectedRevision }
            : { reason: decision.reason, expectedRevision: decision.expectedRevision },
        },
      ),
    onSettled: () =>
      invalidate(
        client,
        ['submissions'],
        goalKeys.all,
        indicatorKeys.all,
        statsKeys.all,
        ['changes'],
        ['timeline'],
        workflowKeys.rounds,
      ),
  });
}

export const roundsQuery = () =>
  queryOptions({
    queryKey: workflowKeys.rounds,
    queryFn: () => api(() => roundSchemas().then((m) => m.RoundsResponse), '/api/rounds'),
  });

export const roundQuery = (id: number) =>
  queryOptions({
    queryKey: workflowKeys.round(id),
    queryFn: () => api(() => roundSchemas().then((m) => m.RoundDetail), `/api/rounds/${id}`),
  });

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoundBody) =>
      api(() => roundSchemas().then((m) => m.RoundDetail), '/api/rounds', { method: 'POST', json: body }),
    onSuccess: () => invalidate(client, workflowKeys.rounds),
  });
}

export function useCloseRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api(() => roundSchemas().then((m) => m.RoundDetail), `/api/rounds/${id}/close`, { method: 'POST', json: {} }),
    onSuccess: () => invalidate(client, workflowKeys.rounds, ['snapshots']),
  });
}

/** An administration settles who is responsible for a goal. */
export function useAssignResponsibility(goalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignResponsibilityBody) =>
      api(
        () => import('@zielmonitor/shared/schemas/goal').then((m) => m.GoalSummary),
        `/api/goals/${encodeURIComponent(goalId)}/responsibility`,
        { method: 'POST', json: body },
      ),
    onSettled: () => invalidate(client, goalKeys.all, workflowKeys.rounds),
  });
}
