import type { ChangesQuery, ChangesResponse } from '@zielmonitor/shared/schemas/changes';
import { endOfDayInBerlin, todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { AppError } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import { assertKnownFilters } from './references.ts';

/**
 * The changes in a window, for /api/changes and its CSV alike: known filters only, `until`
 * defaulting to today in Berlin, and a window that starts after it ends refused naming `since`.
 */
export function changesInWindow(repos: Repositories, query: ChangesQuery): ChangesResponse {
  assertKnownFilters(repos, query);
  const until = query.until ?? todayInBerlin();
  if (query.since > until) {
    throw new AppError(400, 'VALIDATION_ERROR', 'since: liegt nach until', [
      { location: 'query', field: 'since', message: 'liegt nach until' },
    ]);
  }
  const knownAt = query.knownAt === undefined ? NOW.knownAt : endOfDayInBerlin(query.knownAt);
  return { since: query.since, until, ...repos.changes.inWindow({ ...query, until, knownAt }) };
}
