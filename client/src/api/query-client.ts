import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './client.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors will not fix themselves; a dropped connection might, but offline a view says
        // at once that it has no stored data instead of waiting for retries.
        retry: (failures, error) =>
          !(error instanceof ApiError && ((error.status >= 400 && error.status < 500) || error.nothingStored)) &&
          failures < 2,
        refetchOnWindowFocus: false,
        // Offline the service worker answers from its store: ask it rather than pausing every query.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always' },
    },
  });
}

/** The one helper mutations use to refresh what they changed. */
export async function invalidate(client: QueryClient, ...keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
