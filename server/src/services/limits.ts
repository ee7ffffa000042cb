import type { Db } from '../db/database.ts';
import { TooManyRequests } from '../lib/errors.ts';
import type { Repositories } from '../repositories/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A sliding window: at most `max` hits per key within `windowMs`. */
export type Limit = { bucket: string; max: number; windowMs: number; code: string; message: (wait: string) => string };

/**
 * Every limit of the product, in one place (README "Grenzen" and SECURITY.md quote these figures).
 * Login hits are taken before the password hash and given back when the login succeeds: only
 * failures (and attempts still being checked) count.
 */
export const LIMITS = {
  loginPerAccount: {
    bucket: 'login-account',
    max: 5,
    windowMs: 15 * MINUTE,
    code: 'TOO_MANY_ATTEMPTS',
    message: (wait) => `Zu viele fehlgeschlagene Anmeldungen. Bitte ${wait} erneut versuchen.`,
  },
  loginPerAddress: {
    bucket: 'login-address',
    max: 20,
    windowMs: 15 * MINUTE,
    code: 'TOO_MANY_ATTEMPTS',
    message: (wait) => `Zu viele fehlgeschlagene Anmeldungen. Bitte ${wait} erneut versuchen.`,
  },
  /** Invitation and reset links opened or used from one address (a token cannot be guessed; this keeps anyone from trying). */
  passwordLinkPerAddress: {
    bucket: 'password-link-address',
    max: 30,
    windowMs: 15 * MINUTE,
    code: 'RATE_LIMITED',
    message: (wait) => `Von dieser Adresse wurden zu viele Links geöffnet. Bitte ${wait} erneut versuchen.`,
  },
  /** "Passwort vergessen" from one address. */
  resetRequestsPerAddress: {
    bucket: 'reset-address',
    max: 10,
    windowMs: HOUR,
    code: 'RATE_LIMITED',
    message: (wait) =>
      `Von dieser Adresse wurden zu viele neue Passwörter angefordert. Bitte ${wait} erneut versuchen.`,
  },
  /** Reset mails to one account: more are not sent (the answer does not say so, or it would tell who has an account). */
  resetMailsPerAccount: {
    bucket: 'reset-account',
    max: 3,
    windowMs: HOUR,
    code: 'RATE_LIMITED',
    message: (wait) => `Für dieses Konto wurden gerade mehrere Links verschickt. Der nächste ist ${wait} möglich.`,
  },
  statusReportsPerAccount: {
    bucket: 'status-report',
    max: 500,
    windowMs: 24 * HOUR,
    code: 'QUOTA_EXCEEDED',
    message: (wait) =>
      `Mit diesem Konto wurden in 24 Stunden 500 Meldungen zum Stand von Zielen abgegeben, mehr sind nicht möglich. Die nächste ist ${wait} möglich.`,
  },
  snapshotsPerAccount: {
    bucket: 'snapshot',
    max: 50,
    windowMs: 24 * HOUR,
    code: 'QUOTA_EXCEEDED',
    message: (wait) =>
      `Mit diesem Konto wurden in 24 Stunden 50 Snapshots angelegt, mehr sind nicht möglich. Der nächste ist ${wait} möglich.`,
  },
  snapshotsPerAddress: {
    bucket: 'snapshot-address',
    max: 10,
    windowMs: HOUR,
    code: 'RATE_LIMITED',
    message: (wait) =>
      `Von dieser Adresse wurden in einer Stunde 10 Snapshots angelegt. Der nächste ist ${wait} möglich.`,
  },
  /** "Fehler melden" needs no account: a person reports a handful of errors, a script a flood. */
  correctionRequestsPerAddress: {
    bucket: 'correction-request-address',
    max: 5,
    windowMs: HOUR,
    code: 'RATE_LIMITED',
    message: (wait) =>
      `Von dieser Adresse wurden in einer Stunde 5 Hinweise geschickt. Der nächste ist ${wait} möglich.`,
  },
  subscriptionsPerAddress: {
    bucket: 'subscription-address',
    max: 10,
    windowMs: HOUR,
    code: 'RATE_LIMITED',
    message: (wait) =>
      `Von dieser Adresse wurden in einer Stunde 10 Abonnements angefragt. Das nächste ist ${wait} möglich.`,
  },
  /** Confirmation mails to one mailbox (keyed by a hash of the address): nobody's inbox becomes a target. */
  confirmationsPerMailbox: {
    bucket: 'subscription-mailbox',
    max: 3,
    windowMs: 24 * HOUR,
    code: 'RATE_LIMITED',
    message: (wait) =>
      `An diese E-Mail-Adresse gingen in 24 Stunden schon 3 Bestätigungslinks. Der nächste ist ${wait} möglich.`,
  },
} as const satisfies Record<string, Limit>;

/** The longest window: hits older than this count for nothing and are purged. */
export const LONGEST_WINDOW_MS = Math.max(...Object.values(LIMITS).map((limit) => limit.windowMs));

/** "in 1 Minute", "in 3 Stunden": German, and never "in 0 Sekunden". */
export function waitText(seconds: number): string {
  const [n, one, many] =
    seconds < 90
      ? [Math.max(1, Math.ceil(seconds)), 'Sekunde', 'Sekunden']
      : seconds < 90 * 60
        ? [Math.ceil(seconds / 60), 'Minute', 'Minuten']
        : [Math.ceil(seconds / 3600), 'Stunde', 'Stunden'];
  return `in ${n} ${n === 1 ? one : many}`;
}

/**
 * Counts one hit against each of `hits`, all or none: the check and the count are one immediate
 * transaction (a savepoint when the caller's write transaction is already open, so a write that
 * fails takes its hit back with it). Throws 429 with Retry-After for the first limit that is full.
 */
export function consume(
  db: Db,
  repos: Repositories,
  hits: readonly { limit: Limit; key: string }[],
  now = new Date(),
): number[] {
  return db
    .transaction(() => {
      for (const { limit, key } of hits) {
        const { count, oldest } = repos.rateLimits.inWindow(
          limit.bucket,
          key,
          new Date(now.getTime() - limit.windowMs),
        );
        if (count >= limit.max) {
          const start = oldest ? new Date(oldest).getTime() : now.getTime();
          const seconds = Math.max(1, Math.ceil((start + limit.windowMs - now.getTime()) / 1000));
          throw new TooManyRequests(limit.code, limit.message(waitText(seconds)), seconds);
        }
      }
      return hits.map(({ limit, key }) => repos.rateLimits.add(limit.bucket, key, now));
    })
    .immediate();
}

/** Takes hits back (a login that succeeded is no failed attempt). */
export function release(repos: Repositories, ids: readonly number[]): void {
  ids.forEach((id) => repos.rateLimits.remove(id));
}
