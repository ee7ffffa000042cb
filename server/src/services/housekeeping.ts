import type { Repositories } from '../repositories/index.ts';
import type { SessionPolicy } from './auth.ts';
import { LONGEST_WINDOW_MS } from './limits.ts';
import { CONFIRMATION_HOURS } from '@zielmonitor/shared/schemas/subscription';

/**
 * How long a login attempt (address, e-mail, outcome) is kept for looking into an incident.
 * Addresses are personal data (DSGVO Art. 5 (1) e): kept no longer than that purpose needs.
 */
const LOGIN_ATTEMPT_RETENTION_MS = 30 * 24 * 60 * 60_000;

export type Purged = {
  sessions: number;
  loginAttempts: number;
  rateLimitHits: number;
  passwordLinks: number;
  unconfirmedFactors: number;
  unconfirmedSubscriptions: number;
};

/** An authenticator app set up but never confirmed with a code is dropped after a day. */
const UNCONFIRMED_FACTOR_MS = 24 * 60 * 60_000;

/**
 * Deletes what no longer counts for anything: expired sessions and links, old login attempts and
 * limiter hits, unconfirmed factors, and subscriptions nobody confirmed within the link's validity
 * (their addresses with them).
 */
export function purgeExpired(repos: Repositories, policy: SessionPolicy, now = new Date()): Purged {
  return {
    sessions: repos.sessions.removeExpired(now, policy.idleMs),
    loginAttempts: repos.loginAttempts.purgeBefore(new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)),
    rateLimitHits: repos.rateLimits.purgeBefore(new Date(now.getTime() - LONGEST_WINDOW_MS)),
    // An expired link opens nothing; only its hash was ever stored, and the audit log keeps that it was sent.
    passwordLinks: repos.passwordLinks.purgeExpiredBefore(now),
    unconfirmedFactors: repos.secondFactors.purgeUnconfirmedBefore(new Date(now.getTime() - UNCONFIRMED_FACTOR_MS)),
    unconfirmedSubscriptions: repos.subscriptions.purgeUnconfirmed(
      new Date(now.getTime() - CONFIRMATION_HOURS * 3_600_000),
      now,
    ),
  };
}
