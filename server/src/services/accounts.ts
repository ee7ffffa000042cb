import type { CreateUserBody, IssuedLink, UpdateUserBody, UserSummary } from '@zielmonitor/shared/schemas/accounts';
import type { Role } from '@zielmonitor/shared/schemas/auth';
import { AppError, notFound } from '../lib/errors.ts';
import { hashPassword } from '../lib/passwords.ts';
import { passwordProblem } from '../lib/password-policy.ts';
import type { Repositories } from '../repositories/index.ts';
import type { UserRecord } from '../repositories/users.ts';
import { auditAccount, noticeToHolder, type AccountActor, type AccountContext } from './account-context.ts';
import { issueLink } from './password-links.ts';

/**
 * User administration: the one service behind the admin pages (routes/users.ts) and the CLI
 * (scripts/user.ts). Every action is audited in its own transaction; none stores a secret.
 */

const conflict = (code: string, message: string, field?: string) =>
  new AppError(409, code, message, field ? [{ location: 'body', field, message }] : undefined);
const invalid = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `${field}: ${message}`, [{ location: 'body', field, message }]);

function userSummary(repos: Repositories, record: UserRecord, now = new Date()): UserSummary {
  const factors = repos.secondFactors.list(record.id);
  const link = repos.passwordLinks.openLink(record.id, now);
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    ressorts: record.ressorts,
    organisation: record.organisation,
    state: record.disabledAt !== null ? 'disabled' : record.passwordChangedAt === null ? 'invited' : 'active',
    createdAt: record.createdAt,
    lastLoginAt: record.lastLoginAt,
    secondFactor: {
      totp: factors.filter((f) => f.kind === 'totp').length,
      passkeys: factors.filter((f) => f.kind === 'passkey').length,
      recoveryCodesLeft: repos.secondFactors.recoveryCodesLeft(record.id),
    },
    sessions: repos.sessions.countSignedIn(record.id, now),
    openLink: link ? { purpose: link.purpose, expiresAt: link.expiresAt } : null,
  };
}

export const listUsers = (repos: Repositories, now = new Date()): UserSummary[] =>
  repos.users.list().map((record) => userSummary(repos, record, now));

export function findAccount(repos: Repositories, id: number): UserRecord {
  const record = repos.users.findById(id);
  if (!record) throw notFound('Dieses Konto gibt es nicht.');
  return record;
}

/** Whom an account acts for: its role with Ressorts, or (an assessor) with an organisation. */
type Scope = { role: Role; ressorts: string[]; organisation: string | null };

/**
 * Controllers and reviewers act for Ressorts: at least one, and each one known. An assessor
 * speaks for an organisation (a parliamentary group, a newspaper) and for no Ressort; nobody
 * else has an organisation, so an entry never names one it was not written for.
 */
function checkScope(repos: Repositories, { role, ressorts, organisation }: Scope): void {
  if ((role === 'controller' || role === 'reviewer') && ressorts.length === 0)
    throw invalid('ressorts', 'Controlling sowie Prüfung und Freigabe brauchen mindestens ein Ressort');
  if (role === 'assessor' && organisation === null)
    throw invalid('organisation', 'Eine unabhängige Einschätzung braucht eine Organisation');
  if (role === 'assessor' && ressorts.length > 0)
    throw invalid('ressorts', 'Unabhängige Einschätzungen gehören zu keinem Ressort');
  if (role !== 'assessor' && organisation !== null)
    throw invalid('organisation', 'Eine Organisation gibt es nur für die unabhängige Einschätzung');
  const unknown = ressorts.filter((code) => !repos.ressorts.exists(code));
  if (unknown.length > 0) throw invalid('ressorts', `unbekanntes Ressort: ${unknown.join(', ')}`);
}

function checkNew(repos: Repositories, body: Scope & { email: string }): void {
  if (repos.users.findByEmail(body.email))
    throw conflict('EMAIL_TAKEN', 'Für diese E-Mail-Adresse gibt es schon ein Konto', 'email');
  checkScope(repos, body);
}

/** The body of a new account as stored: Ressorts once each, no organisation unless given. */
const newScope = (input: CreateUserBody) => ({
  email: input.email,
  name: input.name,
  role: input.role,
  ressorts: [...new Set(input.ressorts ?? [])],
  organisation: input.organisation ?? null,
});

/** The refusals of a new account before anything else happens (the CLI asks for the password after). */
export const checkNewAccount = (repos: Repositories, input: CreateUserBody): void => checkNew(repos, newScope(input));

/** The last active administrator cannot be disabled or lose the role: nobody could run accounts any more. */
function keepAnAdmin(repos: Repositories, target: UserRecord): void {
  if (target.role === 'admin' && target.disabledAt === null && repos.users.activeAdminCount() <= 1)
    throw conflict('LAST_ADMIN', 'Das ist das letzte aktive Konto der Administration; es muss bleiben.');
}

const notSelf = (actor: AccountActor, target: UserRecord, message: string) => {
  if (actor.id === target.id) throw conflict('OWN_ACCOUNT', message);
};

/** Creates an account without a password and sends (or hands over) its invitation link. */
export function inviteUser(
  ctx: AccountContext,
  actor: AccountActor,
  input: CreateUserBody,
  now = new Date(),
): { user: UserSummary; link: IssuedLink } {
  const body = newScope(input);
  checkNew(ctx.repos, body);
  return ctx.db.transaction(() => {
    const id = ctx.repos.users.create({ ...body, passwordHash: null }, now.toISOString());
    const record = findAccount(ctx.repos, id);
    auditAccount(ctx, actor, 'user.add', id, null, { ...body, invited: true });
    const link = issueLink(ctx, actor, record, 'invitation', now);
    return { user: userSummary(ctx.repos, record, now), link };
  })();
}

/** The CLI's way for the first administrator: an account with a password given on standard input. */
export async function addUserWithPassword(
  ctx: AccountContext,
  actor: AccountActor,
  input: CreateUserBody,
  password: string,
  now = new Date(),
): Promise<UserSummary> {
  const body = newScope(input);
  checkNew(ctx.repos, body);
  const problem = passwordProblem(password, body);
  if (problem) throw invalid('password', problem);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(() => {
    const id = ctx.repos.users.create({ ...body, passwordHash }, now.toISOString());
    auditAccount(ctx, actor, 'user.add', id, null, body);
    return userSummary(ctx.repos, findAccount(ctx.repos, id), now);
  })();
}

/** A new invitation link for an account that has not set its password yet (the old link stops working). */
export function resendInvitation(ctx: AccountContext, actor: AccountActor, id: number, now = new Date()) {
  const target = findAccount(ctx.repos, id);
  if (target.passwordChangedAt !== null || target.disabledAt !== null)
    throw conflict(
      'NOT_INVITED',
      'Dieses Konto hat schon ein Passwort oder ist gesperrt; eine Einladung gibt es nur für neue Konten.',
    );
  return ctx.db.transaction(() => ({
    link: issueLink(ctx, actor, target, 'invitation', now),
    user: userSummary(ctx.repos, target, now),
  }))();
}

/** A reset link (1 hour) for an active account; the current password stays valid until a new one is set. */
export function sendPasswordReset(ctx: AccountContext, actor: AccountActor, id: number, now = new Date()) {
  const target = findAccount(ctx.repos, id);
  if (target.disabledAt !== null) throw conflict('ACCOUNT_DISABLED', 'Dieses Konto ist gesperrt; erst entsperren.');
  if (target.passwordChangedAt === null)
    throw conflict('NOT_ACTIVE', 'Dieses Konto hat noch kein Passwort; bitte die Einladung erneut senden.');
  return ctx.db.transaction(() => ({
    link: issueLink(ctx, actor, target, 'reset', now),
    user: userSummary(ctx.repos, target, now),
  }))();
}

/** Sets a password directly (the CLI, password on standard input); every session of the account ends. */
export async function setPassword(
  ctx: AccountContext,
  actor: AccountActor,
  id: number,
  password: string,
  now = new Date(),
) {
  const target = findAccount(ctx.repos, id);
  const problem = passwordProblem(password, { email: target.email, name: target.name });
  if (problem) throw invalid('password', problem);
  const hash = await hashPassword(password);
  ctx.db.transaction(() => {
    ctx.repos.users.setPasswordHash(id, hash, now.toISOString());
    ctx.repos.sessions.removeForUser(id);
    ctx.repos.passwordLinks.revokeOpen(id, now);
    auditAccount(ctx, actor, 'user.reset-password', id, null, { passwordChanged: true });
  })();
}

/**
 * Name, role, Ressorts and organisation; they apply from the account's next request on. Leaving
 * the assessor role drops the organisation; entering it needs one (and no Ressorts).
 */
export function updateUser(
  ctx: AccountContext,
  actor: AccountActor,
  id: number,
  change: UpdateUserBody,
  now = new Date(),
): UserSummary {
  const target = findAccount(ctx.repos, id);
  const role = change.role ?? target.role;
  const ressorts = change.ressorts ? [...new Set(change.ressorts)] : target.ressorts;
  const organisation =
    change.organisation !== undefined ? change.organisation : role === 'assessor' ? target.organisation : null;
  if (role !== 'admin' && target.role === 'admin') keepAnAdmin(ctx.repos, target);
  checkScope(ctx.repos, { role, ressorts, organisation });
  return ctx.db.transaction(() => {
    ctx.repos.users.update(id, {
      name: change.name,
      role: change.role,
      ressorts: change.ressorts && ressorts,
      organisation: organisation === target.organisation ? undefined : organisation,
    });
    auditAccount(
      ctx,
      actor,
      'user.update',
      id,
      { name: target.name, role: target.role, ressorts: target.ressorts, organisation: target.organisation },
      { name: change.name ?? target.name, role, ressorts, organisation },
    );
    return userSummary(ctx.repos, findAccount(ctx.repos, id), now);
  })();
}

/** Disables an account: every session ends and open links stop working at once. */
export function disableUser(ctx: AccountContext, actor: AccountActor, id: number, now = new Date()): UserSummary {
  const target = findAccount(ctx.repos, id);
  notSelf(actor, target, 'Das eigene Konto kann man nicht sperren.');
  keepAnAdmin(ctx.repos, target);
  return ctx.db.transaction(() => {
    if (ctx.repos.users.disable(id, now.toISOString())) {
      const ended = ctx.repos.sessions.removeForUser(id);
      ctx.repos.passwordLinks.revokeOpen(id, now);
      auditAccount(
        ctx,
        actor,
        'user.disable',
        id,
        { disabledAt: null },
        { disabledAt: now.toISOString(), sessionsEnded: ended },
      );
    }
    return userSummary(ctx.repos, findAccount(ctx.repos, id), now);
  })();
}

export function enableUser(ctx: AccountContext, actor: AccountActor, id: number, now = new Date()): UserSummary {
  findAccount(ctx.repos, id);
  return ctx.db.transaction(() => {
    if (ctx.repos.users.enable(id))
      auditAccount(ctx, actor, 'user.enable', id, { disabledAt: 'gesperrt' }, { disabledAt: null });
    return userSummary(ctx.repos, findAccount(ctx.repos, id), now);
  })();
}

/** Ends every session of an account (a lost laptop, a suspicion): it must sign in again. */
export function endSessions(ctx: AccountContext, actor: AccountActor, id: number, now = new Date()): UserSummary {
  findAccount(ctx.repos, id);
  return ctx.db.transaction(() => {
    const ended = ctx.repos.sessions.removeForUser(id);
    auditAccount(ctx, actor, 'user.end-sessions', id, null, { sessionsEnded: ended });
    return userSummary(ctx.repos, findAccount(ctx.repos, id), now);
  })();
}

/**
 * Removes every second factor and recovery code of an account (a lost phone): its sessions end,
 * and at its next login it sets up a second factor again. Not for one's own account (that is
 * managed under "Mein Konto", with the password).
 */
export function resetSecondFactor(ctx: AccountContext, actor: AccountActor, id: number, now = new Date()): UserSummary {
  const target = findAccount(ctx.repos, id);
  notSelf(actor, target, 'Den eigenen zweiten Faktor verwalten Sie unter „Mein Konto“.');
  return ctx.db.transaction(() => {
    const removed = ctx.repos.secondFactors.removeAll(id);
    const ended = ctx.repos.sessions.removeForUser(id);
    auditAccount(
      ctx,
      actor,
      'user.reset-second-factor',
      id,
      { factors: removed },
      { factors: 0, sessionsEnded: ended },
    );
    noticeToHolder(
      ctx,
      target,
      'second-factor-reset',
      {
        subject: 'Zielmonitor: Ihr zweiter Faktor wurde zurückgesetzt',
        title: 'Ihr zweiter Faktor wurde zurückgesetzt',
        text: 'Die Administration hat alle zweiten Faktoren und Wiederherstellungscodes Ihres Kontos entfernt und Ihre Sitzungen beendet. Bei der nächsten Anmeldung richten Sie einen neuen zweiten Faktor ein.',
      },
      now,
    );
    return userSummary(ctx.repos, findAccount(ctx.repos, id), now);
  })();
}
