import { z } from 'zod';

/**
 * Readiness: answered 200 only when the server can do its work, including writing the database
 * (proven by a real write at most every 5 s); otherwise 503 in the error shape.
 */
export const HealthResponse = z.object({ status: z.literal('ok'), database: z.object({ writable: z.literal(true) }) });

/**
 * Facts about this installation: who runs it and where to report barriers (BITV 2.0 § 7; null until
 * configured), and whether it can send e-mail (SMTP_URL): without it the dashboard hides every
 * feature that would send one.
 */
export const AboutResponse = z.object({
  feedbackEmail: z.string().nullable(),
  operator: z.string().nullable(),
  mailConfigured: z.boolean(),
  /** Whether government reports wait for a second person's release before they count. */
  reviewRequired: z.boolean(),
});
