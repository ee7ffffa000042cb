import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnswerInput, CorrectionRequestInput, RequestState } from '@zielmonitor/shared/schemas/correction-request';
import type { ReplyInput, ReplySupersedeBody } from '@zielmonitor/shared/schemas/reply';
import type { SubscribeInput, UnsubscribeInput } from '@zielmonitor/shared/schemas/subscription';
import { api, withQuery } from './client.ts';
import { goalKeys } from './goals.ts';
import { indicatorKeys } from './indicators.ts';
import { invalidate } from './query-client.ts';

/**
 * Independent voices: replies (Stellungnahmen), correction requests ("Fehler melden") and
 * e-mail subscriptions. Schemas load with the first answer, not with the first screen.
 */
const replySchemas = () => import('@zielmonitor/shared/schemas/reply');
const requestSchemas = () => import('@zielmonitor/shared/schemas/correction-request');
const subscriptionSchemas = () => import('@zielmonitor/shared/schemas/subscription');

const voicesKeys = {
  requests: (state: RequestState | 'all') => ['correction-requests', state] as const,
  requestStats: ['correction-requests', 'stats'] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};

/** What a reply answers: a report or assessment of a goal, or a reading of an indicator. */
export type ReplyTarget =
  { kind: 'status_event'; goalId: string; id: number } | { kind: 'reading'; indicatorId: string; id: number };

const replyPath = (target: ReplyTarget) =>
  target.kind === 'status_event'
    ? `/api/goals/${encodeURIComponent(target.goalId)}/status/${target.id}/replies`
    : `/api/indicators/${encodeURIComponent(target.indicatorId)}/readings/${target.id}/replies`;

/** A reply changes no figure, but the goal and indicator pages and the changes list show it. */
function useReplyWrite<B>(path: (body: B) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      api(() => replySchemas().then((m) => m.ReplyResponse), path(body), { method: 'POST', json: body }),
    onSuccess: () => invalidate(client, goalKeys.all, indicatorKeys.all, ['changes']),
  });
}

export const useCreateReply = (target: ReplyTarget) => useReplyWrite<ReplyInput>(() => replyPath(target));
export const useSupersedeReply = (replyId: number) =>
  useReplyWrite<ReplySupersedeBody>(() => `/api/replies/${replyId}/supersede`);

export function useSubmitRequest() {
  return useMutation({
    mutationFn: (body: CorrectionRequestInput) =>
      api(() => requestSchemas().then((m) => m.CorrectionRequestCreated), '/api/correction-requests', {
        method: 'POST',
        json: body,
      }),
  });
}

/** Public: open and answered requests per Ressort. */
export const requestStatsQuery = () =>
  queryOptions({
    queryKey: voicesKeys.requestStats,
    queryFn: () => api(() => requestSchemas().then((m) => m.CorrectionRequestStats), '/api/correction-requests/stats'),
  });

/** The queue of those who answer (administration, the Ressorts concerned). */
export const requestsQuery = (state: RequestState | 'all') =>
  queryOptions({
    queryKey: voicesKeys.requests(state),
    queryFn: () =>
      api(
        () => requestSchemas().then((m) => m.CorrectionRequestsResponse),
        withQuery('/api/correction-requests', state === 'all' ? {} : { state }),
      ),
  });

export function useAnswerRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput) =>
      api(() => requestSchemas().then((m) => m.CorrectionRequest), `/api/correction-requests/${id}/answer`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: () => invalidate(client, ['correction-requests']),
  });
}

export function useSubscribe() {
  return useMutation({
    mutationFn: (body: SubscribeInput) =>
      api(() => subscriptionSchemas().then((m) => m.SubscribeResponse), '/api/subscriptions', {
        method: 'POST',
        json: body,
      }),
  });
}

export function useConfirmSubscription() {
  return useMutation({
    mutationFn: (token: string) =>
      api(() => subscriptionSchemas().then((m) => m.ConfirmResponse), '/api/subscriptions/confirm', {
        method: 'POST',
        json: { token },
      }),
  });
}

export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: voicesKeys.unsubscribe(token),
    queryFn: () =>
      api(
        () => subscriptionSchemas().then((m) => m.UnsubscribeLookup),
        `/api/subscriptions/unsubscribe/${encodeURIComponent(token)}`,
      ),
    staleTime: 0,
  });

export function useUnsubscribe(token: string) {
  return useMutation({
    mutationFn: (body: UnsubscribeInput) =>
      api(
        () => subscriptionSchemas().then((m) => m.UnsubscribeResponse),
        `/api/subscriptions/unsubscribe/${encodeURIComponent(token)}`,
        { method: 'POST', json: body },
      ),
  });
}
