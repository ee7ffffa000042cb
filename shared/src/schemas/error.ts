import { z } from 'zod';
import { StatusConflict } from './status-update.ts';

export const ErrorIssue = z.object({
  /** Where the bad value was: `query`, `params`, `body` or `headers`. */
  location: z.string(),
  /** Dotted path of the field, e.g. `version` or `evidence.url`. */
  field: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** The one error body every route answers with. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ErrorIssue).optional(),
    /** Only on 409 for a status update: what changed since the form was opened. */
    conflict: StatusConflict.optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
