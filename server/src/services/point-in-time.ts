import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import { endOfDayInBerlin } from '@zielmonitor/shared/time/berlin';
import { AppError, unknownValue } from '../lib/errors.ts';
import { NOW, type Cutoff } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';

export type PointInTimeParams = {
  asOf?: string | undefined;
  knownAt?: string | undefined;
  snapshot?: string | undefined;
};

/**
 * Turns asOf / knownAt / snapshot into the cut-offs the repositories use, and the echo
 * every answer carries so a screen can say which point in time it shows.
 */
export function resolvePointInTime(
  repos: Repositories,
  query: PointInTimeParams,
): { at: Cutoff; echo: PointInTimeEcho } {
  if (query.snapshot !== undefined) {
    if (query.asOf !== undefined || query.knownAt !== undefined) {
      throw new AppError(400, 'VALIDATION_ERROR', 'snapshot: lässt sich nicht mit asOf oder knownAt kombinieren', [
        { location: 'query', field: 'snapshot', message: 'lässt sich nicht mit asOf oder knownAt kombinieren' },
      ]);
    }
    const snapshot = repos.snapshots.get(query.snapshot);
    if (!snapshot) throw unknownValue('query', 'snapshot', `unbekannter Snapshot „${query.snapshot}“`);
    const { payloadJson: _payload, asOf, ...ref } = snapshot;
    return { at: { asOf, knownAt: snapshot.createdAt }, echo: { asOf, knownAt: snapshot.createdAt, snapshot: ref } };
  }
  const knownAt = query.knownAt === undefined ? null : endOfDayInBerlin(query.knownAt);
  return {
    at: { asOf: query.asOf ?? NOW.asOf, knownAt: knownAt ?? NOW.knownAt },
    echo: { asOf: query.asOf ?? null, knownAt, snapshot: null },
  };
}
