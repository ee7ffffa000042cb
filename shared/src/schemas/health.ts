import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') });

/**
 * Facts about this installation: who runs it and where to report barriers (BITV 2.0 § 7; null until
 * configured), and whether it can send e-mail (SMTP_URL): without it the dashboard hides every
 * feature that would send one.
 */
export const AboutResponse = z.object({
  feedbackEmail: z.string().nullable(),
  operator: z.string().nullable(),
  mailConfigured: z.boolean(),
});
