import { z } from 'zod';

/** What every export says about itself: one line of text, its date and knowledge, and the link to cite. */
export const ExportStamp = z.object({
  text: z.string(),
  asOf: z.string(),
  knownAt: z.string(),
  citableUrl: z.string(),
});
export type ExportStamp = z.infer<typeof ExportStamp>;
