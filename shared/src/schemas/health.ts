import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') });

/** Who runs this instance and where to report barriers (BITV 2.0 § 7); null until configured. */
export const AboutResponse = z.object({
  feedbackEmail: z.string().nullable(),
  operator: z.string().nullable(),
  /** Whether government reports wait for a second person's release before they count. */
  reviewRequired: z.boolean(),
});
