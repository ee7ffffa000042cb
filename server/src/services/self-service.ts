import type { SessionInfo } from '@zielmonitor/shared/schemas/accounts';
import { describeDevice } from '../lib/device.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { hashPassword } from '../lib/passwords.ts';
import { passwordProblem } from '../lib/password-policy.ts';
import type { UserRecord } from '../repositories/users.ts';
import { auditAccount, noticeToHolder, type AccountActor, type AccountContext } from './account-context.ts';

/** What every signed-in person does for themselves: a new password, and their sessions. */

/**
 * A new password (the current one was checked by the route): same rules as everywhere, and every
 * other session of the account ends; this one goes on.
 */
export async function changePassword(
  ctx: AccountContext,
  record: UserRecord,
  currentSessionId: string,
  newPassword: string,
  actor: AccountActor,
  now = new Date(),
): Promise<number> {
  const problem = passwordProblem(newPassword, { email: record.email, name: record.name });
  if (problem)
    throw new AppError(400, 'WEAK_PASSWORD', problem, [{ location: 'body', field: 'newPassword', message: problem }]);
  const hash = await hashPassword(newPassword);
  return ctx.db.transaction(() => {
    ctx.repos.users.setPasswordHash(record.id, hash, now.toISOString());
    const ended = ctx.repos.sessions.removeOthers(record.id, currentSessionId);
    ctx.repos.passwordLinks.revokeOpen(record.id, now);
    auditAccount(ctx, actor, 'account.password', record.id, null, { passwordChanged: true, sessionsEnded: ended });
    noticeToHolder(
      ctx,
      record,
      'password',
      {
        subject: 'Zielmonitor: Passwort geändert',
        title: 'Ihr Passwort wurde geändert',
        text: 'Das Passwort Ihres Kontos wurde eben geändert; alle anderen Sitzungen wurden beendet.',
      },
      now,
    );
    return ended;
  })();
}

export function listSessions(ctx: AccountContext, userId: number, currentPublicId: string | null): SessionInfo[] {
  return ctx.repos.sessions.listForUser(userId).map((s) => ({
    id: s.publicId,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ip: s.ip,
    device: describeDevice(s.userAgent),
    method: s.method,
    current: s.publicId === currentPublicId,
  }));
}

export function endSession(ctx: AccountContext, userId: number, publicId: string, actor: AccountActor): void {
  ctx.db.transaction(() => {
    if (!ctx.repos.sessions.removeByPublicId(userId, publicId)) throw notFound('Diese Sitzung gibt es nicht (mehr).');
    auditAccount(ctx, actor, 'account.end-session', userId, null, { sessionsEnded: 1 });
  })();
}

export function endOtherSessions(
  ctx: AccountContext,
  userId: number,
  currentSessionId: string,
  actor: AccountActor,
): number {
  return ctx.db.transaction(() => {
    const ended = ctx.repos.sessions.removeOthers(userId, currentSessionId);
    auditAccount(ctx, actor, 'account.end-session', userId, null, { sessionsEnded: ended });
    return ended;
  })();
}
