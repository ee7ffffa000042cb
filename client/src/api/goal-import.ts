import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportQueryInput } from '@zielmonitor/shared/schemas/goal-csv';
import { api, withQuery } from './client.ts';
import { goalKeys } from './goals.ts';
import { invalidate } from './query-client.ts';
import { statsKeys } from './stats.ts';

/** The admin's CSV import: a dry run answers what would change; an applied import refreshes goals and figures. */
export function useImportGoals() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ query, csv }: { query: ImportQueryInput; csv: string }) =>
      api(
        () => import('@zielmonitor/shared/schemas/goal-csv').then((m) => m.ImportResult),
        withQuery('/api/import/goals', query),
        { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } },
      ),
    onSuccess: (result) => (result.applied ? invalidate(client, goalKeys.all, statsKeys.all) : undefined),
  });
}
