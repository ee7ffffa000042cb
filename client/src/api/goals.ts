import { queryOptions } from '@tanstack/react-query';
import type { GoalDetailQueryInput, GoalsQueryInput } from '@zielmonitor/shared/schemas/goal';

const schemas = () => import('@zielmonitor/shared/schemas/goal');
import { api, withQuery } from './client.ts';

export const goalKeys = {
  all: ['goals'] as const,
  list: (query: GoalsQueryInput) => [...goalKeys.all, 'list', query] as const,
  detail: (id: string, at: GoalDetailQueryInput) => [...goalKeys.all, 'detail', id, at] as const,
};

export const goalsQuery = (query: GoalsQueryInput) =>
  queryOptions({
    queryKey: goalKeys.list(query),
    queryFn: () => api(() => schemas().then((m) => m.GoalsResponse), withQuery('/api/goals', query)),
  });

export const goalQuery = (id: string, at: GoalDetailQueryInput) =>
  queryOptions({
    queryKey: goalKeys.detail(id, at),
    queryFn: () =>
      api(() => schemas().then((m) => m.GoalDetail), withQuery(`/api/goals/${encodeURIComponent(id)}`, at)),
  });
