import type { SecondStepMethod, User } from '@zielmonitor/shared/schemas/auth';
import { isWritingRole, type LoginStep } from '@zielmonitor/shared/schemas/auth';
import type { Db } from '../db/database.ts';
import { type ConcurrencyGate, type GateLimits } from '../lib/concurrency-gate.ts';
import { AppError, RetryLater } from '../lib/errors.ts';
import { getDummyHash, verifyPassword } from '../lib/passwords.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredSession } from '../repositories/sessions.ts';
import { toUser, type UserRecord } from '../repositories/users.ts';
import { consume, LIMITS, release } from './limits.ts';
import { unlessBusy } from '../lib/sqlite-errors.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** A session between password and second factor lives this long: time to find the phone, or to enrol. */
export const PENDING_SESSION_MS = 10 * 60_000;

/** MFA_REQUIRED and what this installation can offer. */
export type SecondFactorPolicy = { mfaRequired: boolean; passkeysAvailable: boolean };

/** Whether an account must have a second factor: MFA_REQUIRED, and a role that writes. */
export const needsSecondFactor = (role: string, policy: Pick<SecondFactorPolicy, 'mfaRequired'>): boolean =>
  policy.mfaRequired && isWritingRole(role);

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

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'E-Mail-Adresse oder Passwort ist falsch.');

/**
 * Checks a password under burst: a free hashing slot (else 429 at once), then one atomic step that
 * checks the per-account and per-address limits and counts this attempt as a failure before the
 * hash runs, so parallel guesses can never all be evaluated. A success takes its count back.
 * Every attempt is recorded; the answer never tells whether the account exists. An invited account
 * (no password yet) and a disabled one fail like a wrong password, after the same work.
 */
async function checkPassword(
  db: Db,
  repos: Repositories,
  gate: ConcurrencyGate,
  credentials: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<UserRecord> {
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
    const hash = record?.passwordHash.startsWith('scrypt$') ? record.passwordHash : await getDummyHash();
    const ok = (await verifyPassword(password, hash)) && hash === record?.passwordHash;
    const active = ok && record.disabledAt === null;
    db.transaction(() => {
      repos.loginAttempts.record(email, ip, active, now);
      if (active) release(repos, hits);
    })();
    if (!active) throw invalidCredentials();
    return record;
  } finally {
    leave();
  }
}

export type LoginOutcome = { record: UserRecord; step: LoginStep; methods: SecondStepMethod[] };

/** What the second step of this account accepts: its factors, and recovery codes while any are left. */
function secondStepMethods(repos: Repositories, userId: number): SecondStepMethod[] {
  const kinds = new Set(repos.secondFactors.list(userId).map((f) => f.kind));
  return [
    ...(kinds.has('totp') ? (['totp'] as const) : []),
    ...(kinds.has('passkey') ? (['passkey'] as const) : []),
    ...(kinds.size > 0 && repos.secondFactors.recoveryCodesLeft(userId) > 0 ? (['recovery'] as const) : []),
  ];
}

/**
 * The password step of a login, and what comes next: an account with a second factor is asked
 * for it; one without, where MFA_REQUIRED applies to its role, must set one up first; otherwise
 * it is signed in.
 */
export async function login(
  db: Db,
  repos: Repositories,
  gate: ConcurrencyGate,
  credentials: { email: string; password: string; ip: string },
  policy: SecondFactorPolicy,
  now = new Date(),
): Promise<LoginOutcome> {
  const record = await checkPassword(db, repos, gate, credentials, now);
  const methods = secondStepMethods(repos, record.id);
  if (methods.length > 0) return { record, step: 'second-factor', methods };
  if (needsSecondFactor(record.role, policy))
    return { record, step: 'enrol', methods: policy.passkeysAvailable ? ['totp', 'passkey'] : ['totp'] };
  return { record, step: 'signed-in', methods: [] };
}

/**
 * Re-authentication before a sensitive change of a signed-in account (password, second factors):
 * the same throttled check as a login; a wrong password is a 400 naming the field.
 */
export async function confirmPassword(
  db: Db,
  repos: Repositories,
  gate: ConcurrencyGate,
  user: User,
  password: string,
  ip: string,
): Promise<void> {
  try {
    await checkPassword(db, repos, gate, { email: user.email, password, ip });
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_CREDENTIALS') {
      const message = 'Das aktuelle Passwort stimmt nicht';
      throw new AppError(400, 'WRONG_PASSWORD', message, [{ location: 'body', field: 'currentPassword', message }]);
    }
    throw err;
  }
}

export type ResolvedSession =
  | { stage: 'signed-in'; user: User; session: StoredSession }
  | { stage: 'second-factor' | 'enrol'; record: UserRecord; session: StoredSession };

/**
 * The session behind a cookie, or null when it is unknown, idle too long, past its absolute expiry,
 * of a disabled account, or signed in by password alone while the account's role now needs a second
 * factor (MFA_REQUIRED switched on): such a session ends, and the next login asks for the factor.
 */
export function resolveSession(
  repos: Repositories,
  sessionId: string,
  policy: SessionPolicy,
  mfa: Pick<SecondFactorPolicy, 'mfaRequired'>,
  now = new Date(),
): ResolvedSession | null {
  const session = repos.sessions.find(sessionId);
  if (!session) return null;
  const idleSince = now.getTime() - new Date(session.lastSeenAt).getTime();
  if (new Date(session.expiresAt).getTime() <= now.getTime() || idleSince >= policy.idleMs) {
    unlessBusy(() => repos.sessions.remove(sessionId));
    return null;
  }
  const record = repos.users.findById(session.userId);
  const passwordOnly = session.stage === 'signed-in' && session.method === null;
  if (!record || record.disabledAt !== null || (passwordOnly && needsSecondFactor(record.role, mfa))) {
    unlessBusy(() => repos.sessions.remove(sessionId));
    return null;
  }
  if (session.stage !== 'signed-in') return { stage: session.stage, record, session };
  // Writing last_seen_at on every request would cost a write per read; once a minute is enough.
  if (idleSince > 60_000) unlessBusy(() => repos.sessions.touch(sessionId, now));
  return { stage: 'signed-in', user: toUser(record), session };
}
