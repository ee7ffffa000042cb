import type { Repositories } from '../repositories/index.ts';
import type { SessionPolicy } from './auth.ts';
import { LONGEST_WINDOW_MS } from './limits.ts';

/**
 * How long a login attempt (address, e-mail, outcome) is kept for looking into an incident.
 * Addresses are personal data (DSGVO Art. 5 (1) e): kept no longer than that purpose needs.
 */
const LOGIN_ATTEMPT_RETENTION_MS = 30 * 24 * 60 * 60_000;

export type Purged = { sessions: number; loginAttempts: number; rateLimitHits: number };

/** Deletes what no longer counts for anything: expired sessions, old login attempts and limiter hits. */
export function purgeExpired(repos: Repositories, policy: SessionPolicy, now = new Date()): Purged {
  return {
    sessions: repos.sessions.removeExpired(now, policy.idleMs),
    loginAttempts: repos.loginAttempts.purgeBefore(new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)),
    rateLimitHits: repos.rateLimits.purgeBefore(new Date(now.getTime() - LONGEST_WINDOW_MS)),
  };
}
