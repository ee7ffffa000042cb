import type { Db } from '../db/database.ts';

export type AccountState = { id: number; email: string; disabledAt: string | null; passwordHash: string };
export type AuditRow = {
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
};
export type LimitHit = { bucket: string; key: string; at: string };

/**
 * What a restore compares and carries over between the live database and the copy it restores:
 * accounts' security state, the audit log after the copy was made, and the limiter's recent hits.
 */
export function createRestoreRepository(db: Db) {
  const accounts = db.prepare<[], AccountState>(
    'SELECT id, email, disabled_at AS disabledAt, password_hash AS passwordHash FROM users ORDER BY id',
  );
  const lastAuditAt = db.prepare<[], string | null>('SELECT max(at) FROM audit_log').pluck();
  const auditAfter = db.prepare<[string], AuditRow>(`SELECT at, actor_id AS actorId, actor, action,
    entity_type AS entityType, entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson, ip
    FROM audit_log WHERE at > ? ORDER BY at, id`);
  const insertAudit = db.prepare(`INSERT INTO audit_log
    (at, actor_id, actor, action, entity_type, entity_id, before_json, after_json, ip)
    VALUES (@at, @actorId, @actor, @action, @entityType, @entityId, @beforeJson, @afterJson, @ip)`);
  const hitsSince = db.prepare<[string], LimitHit>('SELECT bucket, key, at FROM rate_limit_hits WHERE at > ?');
  const insertHit = db.prepare('INSERT INTO rate_limit_hits (bucket, key, at) VALUES (@bucket, @key, @at)');
  const setDisabled = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ? AND email = ?');
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ? AND email = ?');
  const userExists = db.prepare<[number], number>('SELECT count(*) FROM users WHERE id = ?').pluck();

  return {
    accounts: (): AccountState[] => accounts.all(),
    lastAuditAt: (): string | null => lastAuditAt.get() ?? null,
    auditAfter: (at: string | null): AuditRow[] => auditAfter.all(at ?? ''),
    /** Appends a row carried over from another copy; an actor unknown here is kept by name only. */
    appendCarriedAudit: (row: AuditRow): void => {
      insertAudit.run({ ...row, actorId: row.actorId !== null && userExists.get(row.actorId) ? row.actorId : null });
    },
    limitHitsSince: (since: Date): LimitHit[] => hitsSince.all(since.toISOString()),
    addLimitHit: (hit: LimitHit): void => {
      insertHit.run(hit);
    },
    disable: (account: AccountState): void => {
      setDisabled.run(account.disabledAt, account.id, account.email);
    },
    setPasswordHash: (account: AccountState): void => {
      setHash.run(account.passwordHash, account.id, account.email);
    },
  };
}
