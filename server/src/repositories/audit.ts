import { AuditState, type AuditEntry } from '@zielmonitor/shared/schemas/audit';
import type { Db } from '../db/database.ts';

type AuditRow = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
};

export type AuditWrite = {
  actorId: number | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: AuditState | null;
  after: AuditState | null;
  ip: string | null;
};

export function createAuditRepository(db: Db) {
  const insert =
    db.prepare(`INSERT INTO audit_log (at, actor_id, actor, action, entity_type, entity_id, before_json, after_json, ip)
    VALUES (@at, @actorId, @actor, @action, @entityType, @entityId, @beforeJson, @afterJson, @ip)`);
  const page = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?');
  const count = db.prepare<[], number>('SELECT count(*) FROM audit_log').pluck();

  return {
    /** Call inside the transaction of the change it records. */
    append(entry: AuditWrite, now: Date = new Date()): void {
      insert.run({
        at: now.toISOString(),
        actorId: entry.actorId,
        actor: entry.actor,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        ip: entry.ip,
        beforeJson: entry.before === null ? null : JSON.stringify(entry.before),
        afterJson: entry.after === null ? null : JSON.stringify(entry.after),
      });
    },
    list(limit: number, offset: number): { items: AuditEntry[]; total: number } {
      const items = page.all(limit, offset).map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        ip: row.ip,
        before: row.before_json === null ? null : AuditState.parse(JSON.parse(row.before_json)),
        after: row.after_json === null ? null : AuditState.parse(JSON.parse(row.after_json)),
      }));
      return { items, total: count.get() ?? 0 };
    },
  };
}
