import type { Db } from '../db/database.ts';
import { createRestoreRepository, type AccountState, type AuditRow, type LimitHit } from '../repositories/restore.ts';
import { createSessionsRepository } from '../repositories/sessions.ts';
import { createAuditRepository } from '../repositories/audit.ts';
import { LONGEST_WINDOW_MS } from './limits.ts';

/**
 * What restoring an older copy would undo that must not be undone. Access revoked after the copy
 * was made (an account disabled, a password reset) is applied again; the audit log's entries since
 * the copy are carried over, so that the record of what happened survives; so are the limiter's
 * recent hits, so that a restore does not hand an attacker fresh login attempts.
 */
export type RestorePlan = {
  disabledSince: AccountState[];
  passwordChangedSince: AccountState[];
  /** Accounts the copy does not know: they are gone after the restore. */
  createdSince: AccountState[];
  auditToCarry: AuditRow[];
  hitsToCarry: LimitHit[];
};

const sameAccount = (a: AccountState, b: AccountState) =>
  a.id === b.id && a.email.toLowerCase() === b.email.toLowerCase();

/** Compares the live database (null: there is none yet) with the copy about to replace it. */
export function planRestore(live: Db | null, copy: Db, now = new Date()): RestorePlan {
  if (!live)
    return { disabledSince: [], passwordChangedSince: [], createdSince: [], auditToCarry: [], hitsToCarry: [] };
  const current = createRestoreRepository(live);
  const restored = createRestoreRepository(copy);
  const before = restored.accounts();
  const plan: RestorePlan = {
    disabledSince: [],
    passwordChangedSince: [],
    createdSince: [],
    auditToCarry: current.auditAfter(restored.lastAuditAt()),
    hitsToCarry: current.limitHitsSince(new Date(now.getTime() - LONGEST_WINDOW_MS)),
  };
  for (const account of current.accounts()) {
    const old = before.find((b) => sameAccount(b, account));
    if (!old) plan.createdSince.push(account);
    else {
      if (account.disabledAt !== null && old.disabledAt === null) plan.disabledSince.push(account);
      if (account.passwordHash !== old.passwordHash) plan.passwordChangedSince.push(account);
    }
  }
  return plan;
}

/** The plan in German, for the operator to read before anything is written. */
export function describePlan(plan: RestorePlan): string[] {
  const emails = (list: AccountState[]) => list.map((a) => a.email).join(', ');
  const entries = (n: number) => (n === 1 ? '1 Eintrag' : `${n} Einträge`);
  return [
    ...(plan.disabledSince.length
      ? [`Seit der Sicherung gesperrt, bleibt gesperrt: ${emails(plan.disabledSince)}`]
      : []),
    ...(plan.passwordChangedSince.length
      ? [`Seit der Sicherung neues Passwort, das neue gilt weiter: ${emails(plan.passwordChangedSince)}`]
      : []),
    ...(plan.createdSince.length
      ? [`Seit der Sicherung angelegt, danach nicht mehr vorhanden: ${emails(plan.createdSince)}`]
      : []),
    `Protokoll seit der Sicherung, wird übernommen: ${entries(plan.auditToCarry.length)}`,
    'Alle Sitzungen werden beendet: jede Person meldet sich neu an.',
  ];
}

/**
 * Applies the plan to the copy, before it replaces the live file, in one transaction: sessions
 * ended, revoked access applied again, the audit log and limiter hits carried over, and the
 * restore itself recorded.
 */
export function applyRestorePlan(
  copy: Db,
  plan: RestorePlan,
  restore: Record<string, unknown>,
  now = new Date(),
): void {
  const repo = createRestoreRepository(copy);
  copy.transaction(() => {
    createSessionsRepository(copy).removeAll();
    plan.disabledSince.forEach((account) => repo.disable(account));
    plan.passwordChangedSince.forEach((account) => repo.setPasswordHash(account));
    plan.auditToCarry.forEach((row) => repo.appendCarriedAudit(row));
    plan.hitsToCarry.forEach((hit) => repo.addLimitHit(hit));
    createAuditRepository(copy).append(
      {
        actorId: null,
        actor: 'cli',
        action: 'database.restore',
        entityType: 'database',
        entityId: typeof restore.source === 'string' ? restore.source : '',
        before: null,
        after: {
          ...restore,
          disabledAgain: plan.disabledSince.map((a) => a.email),
          passwordKept: plan.passwordChangedSince.map((a) => a.email),
          accountsGone: plan.createdSince.map((a) => a.email),
          auditEntriesCarried: plan.auditToCarry.length,
          sessionsEnded: true,
        },
        ip: null,
      },
      now,
    );
  })();
}
