import { z } from 'zod';
import { IsoDate, RessortCode } from './common.ts';

export const AuditQuery = z.strictObject({
  /** Part of the e-mail address of who acted. */
  actor: z.string().trim().max(254, { error: 'Höchstens 254 Zeichen' }).optional(),
  /** Entries about goals of this Ressort, or by its people. */
  ressort: RessortCode.optional(),
  action: z
    .string()
    .regex(/^[a-z]+(\.[a-z-]+)+$/, { error: 'Unbekannte Aktion' })
    .optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditQueryInput = z.input<typeof AuditQuery>;

/** One labelled change: "Status: in Umsetzung → erreicht". */
export const AuditChange = z.object({ label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditSubject = z.object({
  type: z.enum(['goal', 'indicator', 'round', 'snapshot', 'user', 'other']),
  id: z.string(),
});
export type AuditSubject = z.infer<typeof AuditSubject>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** The action in German. */
  actionLabel: z.string(),
  subject: AuditSubject,
  changes: z.array(AuditChange),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditResponse = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditResponse = z.infer<typeof AuditResponse>;
