import type { ChangesQuery } from '@zielmonitor/shared/schemas/changes';
import { endOfDayInBerlin, startOfDayInBerlin, todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { AppError } from '../lib/errors.ts';
import type { Repositories } from '../repositories/index.ts';
import { resolvePointInTime } from './point-in-time.ts';
import { assertKnownFilters } from './references.ts';

/**
 * The changes in a window, for /api/changes and its CSV alike: known filters only, `until`
 * defaulting to today in Berlin, and a window that starts after it ends refused naming `since`.
 */
export function changesInWindow(repos: Repositories, query: ChangesQuery) {
  assertKnownFilters(repos, query);
  const until = query.until ?? todayInBerlin();
  if (query.since > until) {
    throw new AppError(400, 'VALIDATION_ERROR', 'since: liegt nach until', [
      { location: 'query', field: 'since', message: 'liegt nach until' },
    ]);
  }
  const { at, echo } = resolvePointInTime(repos, { knownAt: query.knownAt });
  const result = repos.changes.inWindow({
    ...query,
    until,
    enteredFrom: startOfDayInBerlin(query.since),
    enteredUntil: endOfDayInBerlin(until),
    knownAt: at.knownAt,
  });
  // The replies in force to the reports listed, shown beside them (list and CSV).
  const replies = repos.replies
    .ofEvents(
      result.items.map((c) => c.event.id),
      at.knownAt,
    )
    .filter((r) => r.supersededBy === null);
  // A window has no single date whose figures could have changed: changedSince stays unanswered.
  return { since: query.since, until, ...result, replies, at: { ...echo, changedSince: null } };
}
