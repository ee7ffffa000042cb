import type { IssuedLink, LinkInfo, LinkPurpose } from '@zielmonitor/shared/schemas/accounts';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { AppError } from '../lib/errors.ts';
import { absoluteUrl } from '../lib/links.ts';
import { hashPassword } from '../lib/passwords.ts';
import { passwordProblem } from '../lib/password-policy.ts';
import { hashLinkToken, newLinkToken } from '../lib/tokens.ts';
import { renderMail } from '../mail/render.ts';
import type { StoredLink } from '../repositories/password-links.ts';
import type { UserRecord } from '../repositories/users.ts';
import { auditAccount, type AccountActor, type AccountContext } from './account-context.ts';
import { consume, LIMITS } from './limits.ts';

/** An invitation is good for 48 hours, a reset link for one (both once). */
const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { invitation: 48 * 3_600_000, reset: 3_600_000 };

/** The page a link opens; the token travels in the fragment, which no server or proxy log ever sees. */
const linkUrl = (origin: string, token: string): string => absoluteUrl(origin, `/passwort-setzen#${token}`);

function linkMail(user: UserRecord, purpose: LinkPurpose, by: string, expiresAt: Date) {
  const until = formatDateTime(expiresAt.toISOString(), 'de');
  if (purpose === 'invitation') {
    const scope = user.organisation
      ? ` für ${user.organisation}`
      : user.ressorts.length > 0
        ? ` für ${user.ressorts.join(', ')}`
        : '';
    return {
      subject: 'Einladung zum Zielmonitor',
      title: 'Ihr Konto im Zielmonitor',
      paragraphs: [
        `Guten Tag ${user.name},`,
        `${by} hat für Sie ein Konto im Zielmonitor angelegt, Rolle: ${roleLabel(user.role)}${scope}. Über den folgenden Link legen Sie Ihr Passwort fest. Der Link gilt einmal und bis ${until} (48 Stunden).`,
        'Bei der ersten Anmeldung richten Sie einen zweiten Faktor ein: eine Authenticator-App auf dem Diensthandy oder einen Passkey.',
      ],
      linkLabel: 'Passwort festlegen',
      reason:
        'Sie erhalten diese E-Mail, weil die Administration des Zielmonitors ein Konto für diese Adresse angelegt hat. Erwarten Sie keine Einladung, können Sie sie ignorieren.',
    };
  }
  return {
    subject: 'Neues Passwort für den Zielmonitor',
    title: 'Ein neues Passwort festlegen',
    paragraphs: [
      `Guten Tag ${user.name},`,
      `für Ihr Konto im Zielmonitor wurde ein neues Passwort angefordert. Über den folgenden Link legen Sie es fest. Der Link gilt einmal und bis ${until} (1 Stunde).`,
      'Bis dahin gilt Ihr bisheriges Passwort; Ihr zweiter Faktor bleibt, wie er ist.',
    ],
    linkLabel: 'Neues Passwort festlegen',
    reason:
      'Sie erhalten diese E-Mail, weil für Ihr Konto im Zielmonitor ein neues Passwort angefordert wurde. Haben Sie das nicht getan, können Sie sie ignorieren.',
  };
}

/**
 * Makes a link for an account (every earlier open link of it stops working) inside the caller's
 * transaction and delivers it: by mail, or, without mail, returned to be shown once to whoever
 * made it. Only the token's hash is stored; the audit log records that a link was made, never it.
 */
export function issueLink(
  ctx: AccountContext,
  actor: AccountActor,
  user: UserRecord,
  purpose: LinkPurpose,
  now: Date,
  action: string = purpose === 'invitation' ? 'user.invite' : 'user.reset-link',
): IssuedLink {
  if (!ctx.db.inTransaction) throw new Error('issue a link inside the transaction of the change it belongs to');
  const token = newLinkToken();
  const tokenHash = hashLinkToken(token);
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
  ctx.repos.passwordLinks.create({
    userId: user.id,
    purpose,
    tokenHash,
    createdBy: actor.id,
    createdAt: now,
    expiresAt,
  });
  const url = linkUrl(ctx.origin, token);
  const mailed = ctx.mail.configured;
  if (ctx.mail.configured) {
    const by = actor.id === null ? 'Die Administration' : actor.email;
    const { linkLabel, ...content } = linkMail(user, purpose, by, expiresAt);
    ctx.mail.enqueue(
      ctx,
      {
        to: [user.email],
        dedupeKey: `link:${purpose}:${tokenHash}`,
        ...renderMail(ctx.origin, { ...content, links: [{ label: linkLabel, path: `/passwort-setzen#${token}` }] }),
      },
      now,
    );
  }
  auditAccount(ctx, actor, action, user.id, null, {
    email: user.email,
    expiresAt: expiresAt.toISOString(),
    delivery: mailed ? 'mail' : 'by-hand',
  });
  return { purpose, expiresAt: expiresAt.toISOString(), sentTo: mailed ? user.email : null, url: mailed ? null : url };
}

const linkGone = () =>
  new AppError(
    410,
    'LINK_INVALID',
    'Dieser Link gilt nicht mehr: Er wurde schon benutzt, ist abgelaufen oder wurde durch einen neueren ersetzt. Bitte wenden Sie sich an die Administration oder fordern Sie einen neuen an.',
  );

/** The open link behind a token, with its account; 410 for a used, expired, replaced or unknown one. */
function openLink(ctx: AccountContext, token: string, ip: string, now: Date): { link: StoredLink; user: UserRecord } {
  consume(ctx.db, ctx.repos, [{ limit: LIMITS.passwordLinkPerAddress, key: ip }], now);
  const link = ctx.repos.passwordLinks.findByHash(hashLinkToken(token));
  const user = link && ctx.repos.users.findById(link.userId);
  if (!link || !user || link.usedAt || link.revokedAt || link.expiresAt <= now.toISOString() || user.disabledAt)
    throw linkGone();
  return { link, user };
}

/** What the page of a link shows before the password is set: for whom, and until when. */
export function inspectLink(ctx: AccountContext, token: string, ip: string, now = new Date()): LinkInfo {
  const { link, user } = openLink(ctx, token, ip, now);
  return { purpose: link.purpose, email: user.email, name: user.name, expiresAt: link.expiresAt };
}

/**
 * Sets the password through a link, once: same rules as everywhere (400 naming the field); the
 * link is spent, every session of the account ends, and an invited account becomes active.
 * The second factor is untouched: the next login asks for it (or, the first time, sets it up).
 */
export async function setPasswordByLink(
  ctx: AccountContext,
  body: { token: string; password: string },
  ip: string,
  now = new Date(),
): Promise<{ email: string }> {
  const { link, user } = openLink(ctx, body.token, ip, now);
  const problem = passwordProblem(body.password, { email: user.email, name: user.name });
  if (problem)
    throw new AppError(400, 'WEAK_PASSWORD', problem, [{ location: 'body', field: 'password', message: problem }]);
  const hash = await hashPassword(body.password);
  ctx.db.transaction(() => {
    // Checked again in the write: two tabs racing with the same link set one password.
    if (!ctx.repos.passwordLinks.use(link.id, now)) throw linkGone();
    ctx.repos.users.setPasswordHash(user.id, hash, now.toISOString());
    ctx.repos.sessions.removeForUser(user.id);
    auditAccount(
      ctx,
      { id: user.id, email: user.email, ip },
      link.purpose === 'invitation' ? 'user.accept-invitation' : 'user.reset-password',
      user.id,
      null,
      {
        passwordChanged: true,
        sessionsEnded: true,
      },
    );
  })();
  return { email: user.email };
}

/**
 * "Passwort vergessen": a reset link by mail for an active account with a password. The answer
 * is the same whether or not the address has an account (it must not tell); at most 3 mails an
 * hour go to one account, 10 requests an hour come from one address.
 */
export function requestReset(ctx: AccountContext, email: string, ip: string, now = new Date()): void {
  if (!ctx.mail.configured)
    throw new AppError(
      409,
      'MAIL_NOT_CONFIGURED',
      'Dieser Zielmonitor verschickt keine E-Mails. Bitte wenden Sie sich an die Administration: Sie kann Ihnen einen Link zum Zurücksetzen geben.',
    );
  consume(ctx.db, ctx.repos, [{ limit: LIMITS.resetRequestsPerAddress, key: ip }], now);
  const user = ctx.repos.users.findByEmail(email);
  if (!user || user.disabledAt || user.passwordChangedAt === null) return;
  ctx.db.transaction(() => {
    try {
      consume(ctx.db, ctx.repos, [{ limit: LIMITS.resetMailsPerAccount, key: String(user.id) }], now);
    } catch {
      return;
    }
    // Nobody is signed in: the audit log names the address asked for, as with a failed login.
    issueLink(ctx, { id: null, email: user.email, ip }, user, 'reset', now, 'user.reset-request');
  })();
}
