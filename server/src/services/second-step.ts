import type { SecondFactorBody, SecondStepMethod, User } from '@zielmonitor/shared/schemas/auth';
import type { PasskeyAssertion } from '@zielmonitor/shared/schemas/passkey';
import { AppError } from '../lib/errors.ts';
import { matchRecoveryCode } from '../lib/recovery-codes.ts';
import { totpStep } from '../lib/totp.ts';
import { toUser, type UserRecord } from '../repositories/users.ts';
import { auditAccount, noticeToHolder, type AccountContext } from './account-context.ts';
import type { SessionPolicy } from './auth.ts';
import { consume, LIMITS, release } from './limits.ts';
import { verifyAssertion } from './passkeys.ts';

/** The second step of a login: a TOTP code, a recovery code or a passkey, then a fresh session. */

export type ClientMeta = { ip: string; userAgent: string | null };
export type SecondStepAnswer = SecondFactorBody | { method: 'passkey'; credential: PasskeyAssertion };

/**
 * Replaces the half-done (or any earlier) session of this browser by a signed-in one with a new id
 * (no session id survives a change of privilege), and notes the login.
 */
export function startSession(
  ctx: AccountContext,
  record: UserRecord,
  previousSessionId: string | null,
  method: SecondStepMethod | null,
  meta: ClientMeta,
  policy: SessionPolicy,
  now = new Date(),
): { user: User; sessionId: string } {
  return ctx.db.transaction(() => {
    if (previousSessionId) ctx.repos.sessions.remove(previousSessionId);
    const sessionId = ctx.repos.sessions.create(record.id, now, policy.absoluteMs, meta.ip, {
      stage: 'signed-in',
      userAgent: meta.userAgent,
      method,
    });
    ctx.repos.users.recordLogin(record.id, now);
    return { user: toUser(record), sessionId };
  })();
}

class SecondStepFailed extends AppError {
  constructor(
    code: string,
    message: string,
    readonly reason: string,
  ) {
    super(401, code, message);
  }
}

/** Which factor the answer fits, after taking it (a TOTP step or a recovery code counts once). */
async function check(ctx: AccountContext, record: UserRecord, sessionId: string, answer: SecondStepAnswer, now: Date) {
  const factors = ctx.repos.secondFactors.list(record.id);
  switch (answer.method) {
    case 'totp': {
      let replay = false;
      for (const factor of factors.filter((f) => f.kind === 'totp' && f.totpSecret)) {
        const step = totpStep(factor.totpSecret ?? '', answer.code, now);
        if (step === null) continue;
        if (ctx.repos.secondFactors.useTotpStep(factor.id, step, now)) return;
        replay = true;
      }
      if (replay)
        throw new SecondStepFailed(
          'CODE_ALREADY_USED',
          'Dieser Code wurde schon verwendet. Bitte warten Sie auf den nächsten Code der App.',
          'Code schon verwendet',
        );
      throw new SecondStepFailed('INVALID_CODE', 'Der Code stimmt nicht.', 'falscher Code');
    }
    case 'recovery': {
      const id = matchRecoveryCode(answer.code, ctx.repos.secondFactors.unusedRecoveryCodes(record.id));
      if (id !== null && ctx.repos.secondFactors.useRecoveryCode(id, now)) return;
      throw new SecondStepFailed(
        'INVALID_CODE',
        'Dieser Wiederherstellungscode gilt nicht (falsch oder schon verwendet).',
        'falscher Wiederherstellungscode',
      );
    }
    case 'passkey': {
      const verified = await verifyAssertion(ctx.repos, sessionId, record.id, answer.credential, ctx.origin, now);
      if (!verified)
        throw new SecondStepFailed(
          'PASSKEY_REFUSED',
          'Der Passkey wurde nicht angenommen. Bitte erneut versuchen.',
          'Passkey abgelehnt',
        );
      ctx.repos.secondFactors.usePasskey(verified.factor.id, verified.signCount, now);
    }
  }
}

/**
 * Checks the answer of a pending login. Throttled with the password, per account and per address:
 * each try is counted before it is checked and a success takes its count back, so five wrong codes
 * lock the account for 15 minutes like five wrong passwords. A failure is audited (never the code).
 */
export async function passSecondStep(
  ctx: AccountContext,
  pending: { record: UserRecord; sessionId: string },
  answer: SecondStepAnswer,
  meta: ClientMeta,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ user: User; sessionId: string }> {
  const { record } = pending;
  const hits = consume(
    ctx.db,
    ctx.repos,
    [
      { limit: LIMITS.loginPerAccount, key: record.email.toLowerCase() },
      { limit: LIMITS.loginPerAddress, key: meta.ip },
    ],
    now,
  );
  try {
    await check(ctx, record, pending.sessionId, answer, now);
  } catch (err) {
    if (err instanceof SecondStepFailed) {
      const actor = { id: null, email: record.email, ip: meta.ip };
      auditAccount(ctx, actor, 'login.second-factor-failed', record.id, null, {
        email: record.email,
        method: answer.method,
        reason: err.reason,
      });
    }
    throw err;
  }
  release(ctx.repos, hits);
  if (answer.method === 'recovery') {
    ctx.db.transaction(() => {
      const left = ctx.repos.secondFactors.recoveryCodesLeft(record.id);
      auditAccount(ctx, { id: record.id, email: record.email, ip: meta.ip }, 'login.recovery-code', record.id, null, {
        recoveryCodesLeft: left,
      });
      noticeToHolder(
        ctx,
        record,
        'recovery-code',
        {
          subject: 'Zielmonitor: Anmeldung mit einem Wiederherstellungscode',
          title: 'Anmeldung mit einem Wiederherstellungscode',
          text: `Ihr Konto wurde eben mit einem Wiederherstellungscode angemeldet. Es ${left === 1 ? 'bleibt 1 Code' : `bleiben ${left} Codes`}. Richten Sie unter „Mein Konto“ einen neuen zweiten Faktor ein, wenn der alte verloren ist.`,
        },
        now,
      );
    })();
  }
  return startSession(ctx, record, pending.sessionId, answer.method, meta, policy, now);
}
