import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import { endOfDayInBerlin } from '@zielmonitor/shared/time/berlin';
import { AppError, unknownValue } from '../lib/errors.ts';
import { NOW, type Cutoff } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import type { GoalScope } from '../repositories/knowledge.ts';

export type PointInTimeParams = {
  asOf?: string | undefined;
  knownAt?: string | undefined;
  snapshot?: string | undefined;
};

/**
 * The one rule for knownAt: a day means everything recorded by its end in Düsseldorf, an
 * instant (what a citable link pins) everything recorded up to it.
 */
const knownAtInstant = (knownAt: string): string =>
  knownAt.length === 10 ? endOfDayInBerlin(knownAt) : new Date(knownAt).toISOString();

/**
 * Turns asOf / knownAt / snapshot into the cut-offs the repositories use, and the echo every
 * answer carries so a screen can say which point in time it shows. When the knowledge is pinned
 * (knownAt or a snapshot), the echo says how many goals in `scope` have another status for that
 * date today — so a quoted link can say that later reports changed its figures.
 */
export function resolvePointInTime(
  repos: Repositories,
  query: PointInTimeParams,
  scope: GoalScope = { version: null, goalId: null },
  now = new Date(),
): { at: Cutoff; echo: PointInTimeEcho } {
  if (query.snapshot !== undefined) {
    if (query.asOf !== undefined || query.knownAt !== undefined) {
      throw new AppError(400, 'VALIDATION_ERROR', 'snapshot: lässt sich nicht mit asOf oder knownAt kombinieren', [
        { location: 'query', field: 'snapshot', message: 'lässt sich nicht mit asOf oder knownAt kombinieren' },
      ]);
    }
    const snapshot = repos.snapshots.get(query.snapshot);
    if (!snapshot) throw unknownValue('query', 'snapshot', `unbekannter Snapshot „${query.snapshot}“`);
    const { asOf, createdAt, id, title, contentHash } = snapshot;
    return {
      at: { asOf, knownAt: createdAt },
      echo: {
        asOf,
        knownAt: createdAt,
        snapshot: { id, title, createdAt, contentHash },
        recordedUntil: createdAt,
        changedSince: repos.knowledge.changedSince(scope, asOf, createdAt),
      },
    };
  }
  const asOf = query.asOf ?? NOW.asOf;
  if (query.knownAt === undefined) {
    return {
      at: { asOf, knownAt: NOW.knownAt },
      echo: {
        asOf: query.asOf ?? null,
        knownAt: null,
        snapshot: null,
        // The latest entry: everything up to it is in the answer, and nothing was entered after it.
        recordedUntil: repos.knowledge.latestEntry(NOW.knownAt) ?? now.toISOString(),
        changedSince: null,
      },
    };
  }
  const knownAt = knownAtInstant(query.knownAt);
  return {
    at: { asOf, knownAt },
    echo: {
      asOf: query.asOf ?? null,
      knownAt,
      snapshot: null,
      recordedUntil: knownAt,
      changedSince: repos.knowledge.changedSince(scope, asOf, knownAt),
    },
  };
}
