import type { AccountResponse, TotpSetupResponse } from '@zielmonitor/shared/schemas/accounts';
import type { PasskeyAttestation } from '@zielmonitor/shared/schemas/passkey';
import { AppError, notFound } from '../lib/errors.ts';
import { newRecoveryCodes } from '../lib/recovery-codes.ts';
import { newTotpSecret, totpStep, totpUri } from '../lib/totp.ts';
import { toUser, type UserRecord } from '../repositories/users.ts';
import { auditAccount, noticeToHolder, type AccountActor, type AccountContext } from './account-context.ts';
import { needsSecondFactor } from './auth.ts';
import { passkeysAvailable, verifyRegistration } from './passkeys.ts';

/**
 * Setting up and managing one's own second factors: TOTP (a secret shown as a QR code, confirmed
 * by a first code), passkeys, and recovery codes, made with the first factor and shown once.
 */

const FACTOR_NAMES = { totp: 'Authenticator-App', passkey: 'Passkey' } as const;

/** What "Mein Konto" shows. */
export function accountOverview(ctx: AccountContext, record: UserRecord): AccountResponse {
  return {
    user: toUser(record),
    factors: ctx.repos.secondFactors.list(record.id).map((f) => ({
      id: f.id,
      kind: f.kind,
      label: f.label,
      createdAt: f.createdAt,
      lastUsedAt: f.lastUsedAt,
    })),
    recoveryCodesLeft: ctx.repos.secondFactors.recoveryCodesLeft(record.id),
    passwordChangedAt: record.passwordChangedAt,
    mfaRequired: needsSecondFactor(record.role, ctx.policy),
    passkeysAvailable: passkeysAvailable(ctx.origin),
  };
}

/** A new TOTP secret for this account, waiting for its first code (an unconfirmed older one goes). */
export function startTotp(ctx: AccountContext, record: UserRecord, now = new Date()): TotpSetupResponse {
  const secret = newTotpSecret();
  ctx.repos.secondFactors.addPendingTotp(record.id, secret, FACTOR_NAMES.totp, now);
  // The app lists the entry under this name; the host tells a test installation from the real one.
  const issuer = `Zielmonitor (${new URL(ctx.origin).hostname})`;
  return { secret, uri: totpUri(secret, issuer, record.email) };
}

/** Recovery codes come with the first factor; later factors keep the codes there are. */
function firstFactorCodes(ctx: AccountContext, userId: number, now: Date): string[] | null {
  if (ctx.repos.secondFactors.list(userId).length !== 1) return null;
  const codes = newRecoveryCodes();
  ctx.repos.secondFactors.replaceRecoveryCodes(userId, codes.stored, now);
  return codes.shown;
}

function added(
  ctx: AccountContext,
  record: UserRecord,
  actor: AccountActor,
  kind: 'totp' | 'passkey',
  label: string,
  now: Date,
) {
  auditAccount(ctx, actor, 'account.factor-add', record.id, null, { kind, label });
  noticeToHolder(
    ctx,
    record,
    `factor-add-${kind}`,
    {
      subject: 'Zielmonitor: neuer zweiter Faktor',
      title: 'Ein zweiter Faktor wurde hinzugefügt',
      text: `Zu Ihrem Konto wurde ${kind === 'totp' ? 'eine Authenticator-App' : 'ein Passkey'} als zweiter Faktor hinzugefügt („${label}“).`,
    },
    now,
  );
}

/** Confirms the TOTP secret with a code from the app; the recovery codes when this is the first factor. */
export function confirmTotp(
  ctx: AccountContext,
  record: UserRecord,
  body: { code: string; label?: string | undefined },
  actor: AccountActor,
  now = new Date(),
): { recoveryCodes: string[] | null } {
  const pending = ctx.repos.secondFactors.pendingTotp(record.id);
  if (!pending?.totpSecret)
    throw new AppError(409, 'NO_TOTP_SETUP', 'Bitte die Einrichtung der Authenticator-App neu beginnen.');
  const step = totpStep(pending.totpSecret, body.code, now);
  if (step === null) {
    const message =
      'Der Code stimmt nicht. Bitte den aktuellen Code der App eingeben (und die Uhrzeit des Telefons prüfen).';
    throw new AppError(400, 'INVALID_CODE', message, [{ location: 'body', field: 'code', message }]);
  }
  const label = body.label ?? FACTOR_NAMES.totp;
  return ctx.db.transaction(() => {
    ctx.repos.secondFactors.confirmTotp(pending.id, label, step, now);
    added(ctx, record, actor, 'totp', label, now);
    return { recoveryCodes: firstFactorCodes(ctx, record.id, now) };
  })();
}

/** Stores a passkey the browser made against this session's challenge. */
export async function addPasskey(
  ctx: AccountContext,
  record: UserRecord,
  sessionId: string,
  body: { credential: PasskeyAttestation; label?: string | undefined },
  actor: AccountActor,
  now = new Date(),
): Promise<{ recoveryCodes: string[] | null }> {
  const verified = await verifyRegistration(ctx.repos, sessionId, body.credential, ctx.origin, now);
  const label = body.label ?? FACTOR_NAMES.passkey;
  return ctx.db.transaction(() => {
    ctx.repos.secondFactors.addPasskey(record.id, { ...verified, label }, now);
    added(ctx, record, actor, 'passkey', label, now);
    return { recoveryCodes: firstFactorCodes(ctx, record.id, now) };
  })();
}

/** Removes one factor; the last one stays while the account must have a second factor. */
export function removeFactor(
  ctx: AccountContext,
  record: UserRecord,
  id: number,
  actor: AccountActor,
  now = new Date(),
): void {
  const factor = ctx.repos.secondFactors.find(record.id, id);
  if (!factor?.confirmedAt) throw notFound('Diesen zweiten Faktor gibt es nicht.');
  const factors = ctx.repos.secondFactors.list(record.id);
  if (factors.length === 1 && needsSecondFactor(record.role, ctx.policy))
    throw new AppError(
      409,
      'LAST_FACTOR',
      'Das ist Ihr einziger zweiter Faktor, und Ihr Konto braucht einen. Richten Sie erst einen anderen ein.',
    );
  ctx.db.transaction(() => {
    ctx.repos.secondFactors.remove(record.id, id);
    // Without any factor the recovery codes would recover nothing: they go with the last one.
    if (factors.length === 1) ctx.repos.secondFactors.replaceRecoveryCodes(record.id, [], now);
    auditAccount(ctx, actor, 'account.factor-remove', record.id, { kind: factor.kind, label: factor.label }, null);
    noticeToHolder(
      ctx,
      record,
      `factor-remove-${id}`,
      {
        subject: 'Zielmonitor: zweiter Faktor entfernt',
        title: 'Ein zweiter Faktor wurde entfernt',
        text: `Von Ihrem Konto wurde der zweite Faktor „${factor.label}“ entfernt.`,
      },
      now,
    );
  })();
}

/** Ten new recovery codes; the old ones stop working. */
export function regenerateRecoveryCodes(
  ctx: AccountContext,
  record: UserRecord,
  actor: AccountActor,
  now = new Date(),
): string[] {
  if (ctx.repos.secondFactors.list(record.id).length === 0)
    throw new AppError(409, 'NO_FACTOR', 'Wiederherstellungscodes gibt es erst mit einem zweiten Faktor.');
  const codes = newRecoveryCodes();
  ctx.db.transaction(() => {
    ctx.repos.secondFactors.replaceRecoveryCodes(record.id, codes.stored, now);
    auditAccount(ctx, actor, 'account.recovery-codes', record.id, null, { recoveryCodes: codes.shown.length });
  })();
  return codes.shown;
}
