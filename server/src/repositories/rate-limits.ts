import type { Db } from '../db/database.ts';

type Window = { count: number; oldest: string | null };

/** Hits of sliding-window limits: counted per bucket and key, purged once older than every window. */
export function createRateLimitsRepository(db: Db) {
  const count = db.prepare<[string, string, string], Window>(`SELECT count(*) AS count, min(at) AS oldest
    FROM rate_limit_hits WHERE bucket = ? AND key = ? AND at > ?`);
  const insert = db.prepare<[string, string, string]>('INSERT INTO rate_limit_hits (bucket, key, at) VALUES (?, ?, ?)');
  const remove = db.prepare<[number]>('DELETE FROM rate_limit_hits WHERE id = ?');
  const purge = db.prepare<[string]>('DELETE FROM rate_limit_hits WHERE at <= ?');

  return {
    inWindow: (bucket: string, key: string, since: Date): Window =>
      count.get(bucket, key, since.toISOString()) ?? { count: 0, oldest: null },
    /** Returns the hit's id, so that an attempt that turned out not to count can be taken back. */
    add: (bucket: string, key: string, now: Date): number =>
      Number(insert.run(bucket, key, now.toISOString()).lastInsertRowid),
    remove: (id: number): void => {
      remove.run(id);
    },
    purgeBefore: (before: Date): number => purge.run(before.toISOString()).changes,
  };
}
