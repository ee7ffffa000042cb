import type { FactorKind } from '@zielmonitor/shared/schemas/accounts';
import type { Db } from '../db/database.ts';

type FactorRow = {
  id: number;
  user_id: number;
  kind: FactorKind;
  label: string;
  created_at: string;
  confirmed_at: string | null;
  last_used_at: string | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  credential_id: string | null;
  public_key: Buffer | null;
  sign_count: number | null;
  transports: string | null;
};

export type StoredFactor = {
  id: number;
  userId: number;
  kind: FactorKind;
  label: string;
  createdAt: string;
  confirmedAt: string | null;
  lastUsedAt: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
  credentialId: string | null;
  publicKey: Buffer | null;
  signCount: number | null;
  transports: string[];
};

const toFactor = (row: FactorRow): StoredFactor => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  label: row.label,
  createdAt: row.created_at,
  confirmedAt: row.confirmed_at,
  lastUsedAt: row.last_used_at,
  totpSecret: row.totp_secret,
  totpLastStep: row.totp_last_step,
  credentialId: row.credential_id,
  publicKey: row.public_key,
  signCount: row.sign_count,
  transports: row.transports === null ? [] : (JSON.parse(row.transports) as string[]),
});

type RecoveryRow = { id: number; salt: string; code_hash: string };

/** Second factors (TOTP, passkeys) and recovery codes of accounts (migration 020). */
export function createSecondFactorsRepository(db: Db) {
  const confirmed = db.prepare<[number], FactorRow>(
    'SELECT * FROM second_factors WHERE user_id = ? AND confirmed_at IS NOT NULL ORDER BY id',
  );
  const byId = db.prepare<[number, number], FactorRow>('SELECT * FROM second_factors WHERE id = ? AND user_id = ?');
  const unconfirmedTotp = db.prepare<[number], FactorRow>(
    "SELECT * FROM second_factors WHERE user_id = ? AND kind = 'totp' AND confirmed_at IS NULL ORDER BY id DESC LIMIT 1",
  );
  const removeUnconfirmed = db.prepare('DELETE FROM second_factors WHERE user_id = ? AND confirmed_at IS NULL');
  const insertTotp = db.prepare<{ userId: number; label: string; secret: string; now: string }, { id: number }>(
    `INSERT INTO second_factors (user_id, kind, label, created_at, totp_secret)
     VALUES (@userId, 'totp', @label, @now, @secret) RETURNING id`,
  );
  const confirmTotp = db.prepare(
    'UPDATE second_factors SET confirmed_at = ?, label = ?, totp_last_step = ?, last_used_at = ? WHERE id = ?',
  );
  // Only a newer step moves the counter: two requests with the same code, racing, cannot both pass.
  const useTotpStep = db.prepare(
    `UPDATE second_factors SET totp_last_step = @step, last_used_at = @now
     WHERE id = @id AND (totp_last_step IS NULL OR totp_last_step < @step)`,
  );
  const insertPasskey = db.prepare<
    {
      userId: number;
      label: string;
      now: string;
      credentialId: string;
      publicKey: Buffer;
      signCount: number;
      transports: string;
    },
    { id: number }
  >(
    `INSERT INTO second_factors (user_id, kind, label, created_at, confirmed_at, credential_id, public_key, sign_count, transports)
     VALUES (@userId, 'passkey', @label, @now, @now, @credentialId, @publicKey, @signCount, @transports) RETURNING id`,
  );
  const usePasskey = db.prepare('UPDATE second_factors SET sign_count = ?, last_used_at = ? WHERE id = ?');
  const byCredential = db.prepare<[string], FactorRow>('SELECT * FROM second_factors WHERE credential_id = ?');
  const remove = db.prepare('DELETE FROM second_factors WHERE id = ? AND user_id = ?');
  const removeAllOf = db.prepare('DELETE FROM second_factors WHERE user_id = ?');
  const purgeUnconfirmed = db.prepare('DELETE FROM second_factors WHERE confirmed_at IS NULL AND created_at <= ?');

  const unusedCodes = db.prepare<[number], RecoveryRow>(
    'SELECT id, salt, code_hash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL',
  );
  const countUnused = db
    .prepare<[number], number>('SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL')
    .pluck();
  const insertCode = db.prepare(
    'INSERT INTO recovery_codes (user_id, salt, code_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const useCode = db.prepare('UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL');
  const removeCodes = db.prepare('DELETE FROM recovery_codes WHERE user_id = ?');

  return {
    /** The account's usable factors, oldest first. */
    list: (userId: number): StoredFactor[] => confirmed.all(userId).map(toFactor),
    find: (userId: number, id: number): StoredFactor | undefined => {
      const row = byId.get(id, userId);
      return row && toFactor(row);
    },
    findByCredential: (credentialId: string): StoredFactor | undefined => {
      const row = byCredential.get(credentialId);
      return row && toFactor(row);
    },
    pendingTotp: (userId: number): StoredFactor | undefined => {
      const row = unconfirmedTotp.get(userId);
      return row && toFactor(row);
    },
    /** A new TOTP secret waiting for its first code; an older one that was never confirmed goes. */
    addPendingTotp(userId: number, secret: string, label: string, now: Date): number {
      removeUnconfirmed.run(userId);
      return insertTotp.get({ userId, label, secret, now: now.toISOString() })?.id ?? -1;
    },
    confirmTotp: (id: number, label: string, step: number, now: Date): void => {
      confirmTotp.run(now.toISOString(), label, step, now.toISOString(), id);
    },
    /** Takes a TOTP step; false when this step or a later one was used already (a replay). */
    useTotpStep: (id: number, step: number, now: Date): boolean =>
      useTotpStep.run({ id, step, now: now.toISOString() }).changes === 1,
    addPasskey: (
      userId: number,
      passkey: { label: string; credentialId: string; publicKey: Buffer; signCount: number; transports: string[] },
      now: Date,
    ): number =>
      insertPasskey.get({
        userId,
        ...passkey,
        transports: JSON.stringify(passkey.transports),
        now: now.toISOString(),
      })?.id ?? -1,
    usePasskey: (id: number, signCount: number, now: Date): void => {
      usePasskey.run(signCount, now.toISOString(), id);
    },
    remove: (userId: number, id: number): boolean => remove.run(id, userId).changes === 1,
    /** Every factor and recovery code of the account: it must enrol again. */
    removeAll(userId: number): number {
      removeCodes.run(userId);
      return removeAllOf.run(userId).changes;
    },
    purgeUnconfirmedBefore: (before: Date): number => purgeUnconfirmed.run(before.toISOString()).changes,

    unusedRecoveryCodes: (userId: number): { id: number; salt: string; hash: string }[] =>
      unusedCodes.all(userId).map((row) => ({ id: row.id, salt: row.salt, hash: row.code_hash })),
    recoveryCodesLeft: (userId: number): number => countUnused.get(userId) ?? 0,
    /** Replaces every recovery code of the account with these (call inside a transaction). */
    replaceRecoveryCodes(userId: number, codes: { salt: string; hash: string }[], now: Date): void {
      removeCodes.run(userId);
      codes.forEach((code) => insertCode.run(userId, code.salt, code.hash, now.toISOString()));
    },
    /** Marks a code used; false when another request used it first. */
    useRecoveryCode: (id: number, now: Date): boolean => useCode.run(now.toISOString(), id).changes === 1,
  };
}
