import type { Db } from '../db/database.ts';

/**
 * Every login attempt with its outcome, for looking into an incident (the limits themselves are
 * counted in rate_limit_hits, see services/limits.ts). Purged after LOGIN_ATTEMPT_RETENTION_MS.
 */
export function createLoginAttemptsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO login_attempts (at, email, ip, succeeded) VALUES (?, ?, ?, ?)');
  const purge = db.prepare('DELETE FROM login_attempts WHERE at <= ?');

  return {
    record: (email: string, ip: string, succeeded: boolean, now: Date): void => {
      insert.run(now.toISOString(), email.trim().toLowerCase(), ip, succeeded ? 1 : 0);
    },
    purgeBefore: (before: Date): number => purge.run(before.toISOString()).changes,
  };
}
