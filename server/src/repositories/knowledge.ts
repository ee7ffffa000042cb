import type { Db } from '../db/database.ts';
import { NOW, statusKnownAt } from './current-status-sql.ts';

/** Which goals an answer covers: a version, one goal, or all (null). */
export type GoalScope = { version: string | null; goalId: string | null };

/** What the record knew when: for citable links and snapshots that pin their knowledge. */
export function createKnowledgeRepository(db: Db) {
  const changed = db
    .prepare<[GoalScope & { asOf: string; knownAt: string; now: string }], number>(
      `SELECT count(*) FROM goals g
       WHERE (@version IS NULL OR g.version_key = @version) AND (@goalId IS NULL OR g.id = @goalId)
         AND (${statusKnownAt('g', "'official'", '@knownAt')} <> ${statusKnownAt('g', "'official'", '@now')}
           OR ${statusKnownAt('g', "'independent'", '@knownAt')} <> ${statusKnownAt('g', "'independent'", '@now')})`,
    )
    .pluck();
  const latest = db
    .prepare<[{ knownAt: string }], string | null>(
      `SELECT max(at) FROM (
         SELECT max(recorded_at) AS at FROM status_events WHERE recorded_at <= @knownAt
         UNION ALL SELECT max(recorded_at) FROM status_supersessions WHERE recorded_at <= @knownAt)`,
    )
    .pluck();
  return {
    /** When the latest report, correction or withdrawal known at `knownAt` was entered; null for an empty record. */
    latestEntry: (knownAt: string): string | null => latest.get({ knownAt }) ?? null,
    /**
     * How many goals in scope have another status on either track for `asOf` today than they had
     * as known at `knownAt`: reports entered or corrected since changed that date's figures.
     */
    changedSince: (scope: GoalScope, asOf: string, knownAt: string): number =>
      changed.get({ ...scope, asOf, knownAt, now: NOW.knownAt }) ?? 0,
  };
}
