import type { User } from '@zielmonitor/shared/schemas/auth';
import type { Db } from '../db/database.ts';
import { type ConcurrencyGate, type GateLimits } from '../lib/concurrency-gate.ts';
import { AppError, RetryLater } from '../lib/errors.ts';
import { getDummyHash, verifyPassword } from '../lib/passwords.ts';
import type { Repositories } from '../repositories/index.ts';
import { toUser } from '../repositories/users.ts';
import { consume, LIMITS, release } from './limits.ts';
import { unlessBusy } from '../lib/sqlite-errors.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/**
 * Password hashes running at once. scrypt (N=2^17) takes 0.3–0.9 s of CPU and 128 MiB each, on
 * libuv's pool of 4 threads that also reads the dashboard's files: with at most 2 hashes, 2
 * threads always stay free for files and the memory stays bounded. One per client address.
 */
export const DEFAULT_LOGIN_CONCURRENCY: GateLimits = { total: 2, perKey: 1 };

class LoginBusy extends RetryLater {
  constructor() {
    super(429, 'LOGIN_BUSY', 'Gerade laufen zu viele Anmeldungen. Bitte in einer Sekunde erneut versuchen.', 1);
  }
}

/**
 * Checks a login under burst: a free hashing slot (else 429 at once), then one atomic step that
 * checks the per-account and per-address limits and counts this attempt as a failure before the
 * hash runs, so parallel guesses can never all be evaluated. A success takes its count back.
 * Every attempt is recorded; the answer never tells whether the account exists.
 */
export async function login(
  db: Db,
  repos: Repositories,
  gate: ConcurrencyGate,
  credentials: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<User> {
  const { email, password, ip } = credentials;
  const leave = gate.tryEnter(ip);
  if (!leave) throw new LoginBusy();
  try {
    const hits = consume(
      db,
      repos,
      [
        { limit: LIMITS.loginPerAccount, key: email.trim().toLowerCase() },
        { limit: LIMITS.loginPerAddress, key: ip },
      ],
      now,
    );
    const record = repos.users.findByEmail(email);
    const ok = await verifyPassword(password, record?.passwordHash ?? (await getDummyHash()));
    const active = ok && record !== undefined && record.disabledAt === null;
    db.transaction(() => {
      repos.loginAttempts.record(email, ip, active, now);
      if (active) release(repos, hits);
    })();
    if (!active) throw new AppError(401, 'INVALID_CREDENTIALS', 'E-Mail-Adresse oder Passwort ist falsch.');
    return toUser(record);
  } finally {
    leave();
  }
}

/** The session's user, or null when it is unknown, idle too long or past its absolute expiry. */
export function userForSession(
  repos: Repositories,
  sessionId: string,
  policy: SessionPolicy,
  now = new Date(),
): User | null {
  const session = repos.sessions.find(sessionId);
  if (!session) return null;
  const idleSince = now.getTime() - new Date(session.last_seen_at).getTime();
  if (new Date(session.expires_at).getTime() <= now.getTime() || idleSince >= policy.idleMs) {
    unlessBusy(() => repos.sessions.remove(sessionId));
    return null;
  }
  const record = repos.users.findById(session.user_id);
  if (!record || record.disabledAt !== null) {
    unlessBusy(() => repos.sessions.remove(sessionId));
    return null;
  }
  // Writing last_seen_at on every request would cost a write per read; once a minute is enough.
  if (idleSince > 60_000) unlessBusy(() => repos.sessions.touch(sessionId, now));
  return toUser(record);
}
