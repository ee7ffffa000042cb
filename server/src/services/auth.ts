import type { User } from '@zielmonitor/shared/schemas/auth';
import { AppError } from '../lib/errors.ts';
import { getDummyHash, verifyPassword } from '../lib/passwords.ts';
import type { Repositories } from '../repositories/index.ts';
import { toUser } from '../repositories/users.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** Failed logins allowed in the window, per account and per address, before 429. */
const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'TOO_MANY_ATTEMPTS',
      `Zu viele fehlgeschlagene Anmeldungen. Bitte in ${Math.ceil(retryAfterSeconds / 60)} Minuten erneut versuchen.`,
    );
  }
}

function retryAfter(oldest: string | null, now: Date): number {
  const start = oldest ? new Date(oldest).getTime() : now.getTime();
  return Math.max(1, Math.ceil((start + LOGIN_LIMITS.windowMs - now.getTime()) / 1000));
}

/**
 * Checks the rate limits, then the password. Every attempt is recorded; the answer never
 * tells whether the account exists.
 */
export async function login(
  repos: Repositories,
  email: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<User> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const byEmail = repos.loginAttempts.failuresForEmail(email, since);
  if (byEmail.count >= LOGIN_LIMITS.perAccount) throw new TooManyAttempts(retryAfter(byEmail.oldest, now));
  const byIp = repos.loginAttempts.failuresForIp(ip, since);
  if (byIp.count >= LOGIN_LIMITS.perAddress) throw new TooManyAttempts(retryAfter(byIp.oldest, now));

  const record = repos.users.findByEmail(email);
  const ok = await verifyPassword(password, record?.passwordHash ?? (await getDummyHash()));
  const active = ok && record !== undefined && record.disabledAt === null;
  repos.loginAttempts.record(email, ip, active, now);
  if (!active) throw new AppError(401, 'INVALID_CREDENTIALS', 'E-Mail-Adresse oder Passwort ist falsch.');
  return toUser(record);
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
    repos.sessions.remove(sessionId);
    return null;
  }
  const record = repos.users.findById(session.user_id);
  if (!record || record.disabledAt !== null) {
    repos.sessions.remove(sessionId);
    return null;
  }
  // Writing last_seen_at on every request would cost a write per read; once a minute is enough.
  if (idleSince > 60_000) repos.sessions.touch(sessionId, now);
  return toUser(record);
}

export const canReportFor = (user: User, goalRessorts: string[]): boolean =>
  user.role === 'admin' || goalRessorts.some((code) => user.ressorts.includes(code));
