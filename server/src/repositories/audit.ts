import type { AuditEntry } from '@zielmonitor/shared/schemas/audit';
import type { Db } from '../db/database.ts';
import { auditActionLabel, auditChanges, auditSubject } from '../lib/audit-description.ts';

/** SQL-ready audit filters: null means "any"; actor is a LIKE pattern. */
export type AuditFilter = {
  actor: string | null;
  action: string | null;
  ressort: string | null;
  from: string | null;
  to: string | null;
};

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
  before: unknown;
  after: unknown;
  ip: string | null;
};

export function createAuditRepository(db: Db) {
  const insert =
    db.prepare(`INSERT INTO audit_log (at, actor_id, actor, action, entity_type, entity_id, before_json, after_json, ip)
    VALUES (@at, @actorId, @actor, @action, @entityType, @entityId, @beforeJson, @afterJson, @ip)`);
  // Filters: who acted (part of the e-mail), what, when; a Ressort matches entries about its goals
  // (as the strategy named them) and entries made by its people.
  const FILTERED = `FROM audit_log a LEFT JOIN goals g ON a.entity_type = 'goal' AND g.id = a.entity_id
    WHERE (@actor IS NULL OR a.actor LIKE @actor ESCAPE '\\')
      AND (@action IS NULL OR a.action = @action)
      AND (@from IS NULL OR a.at >= @from) AND (@to IS NULL OR a.at <= @to)
      AND (@ressort IS NULL OR g.lead_ressort = @ressort
        OR EXISTS (SELECT 1 FROM user_ressorts ur WHERE ur.user_id = a.actor_id AND ur.ressort_code = @ressort))`;
  const page = db.prepare<[AuditFilter & { limit: number; offset: number }], AuditRow>(
    `SELECT a.* ${FILTERED} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<[AuditFilter], number>(`SELECT count(*) ${FILTERED}`).pluck();

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
    /** Newest first, filtered; each entry in German words with its labelled changes. */
    list(filter: AuditFilter, limit: number, offset: number): { items: AuditEntry[]; total: number } {
      const items = page.all({ ...filter, limit, offset }).map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        actionLabel: auditActionLabel(row.action),
        subject: auditSubject(row.entity_type, row.entity_id),
        changes: auditChanges(
          row.action,
          row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
          row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
        ),
        ip: row.ip,
      }));
      return { items, total: count.get(filter) ?? 0 };
    },
  };
}
