import { z } from 'zod';

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQueryInput = z.input<typeof AuditQuery>;

/** What an audited record looked like before or after the write (a JSON object). */
export const AuditState = z.record(z.string(), z.unknown());
export type AuditState = z.infer<typeof AuditState>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: AuditState.nullable(),
  after: AuditState.nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditResponse = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditResponse = z.infer<typeof AuditResponse>;
