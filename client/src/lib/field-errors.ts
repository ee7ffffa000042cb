import { applyGermanValidationMessages } from '@zielmonitor/shared/schemas/locale';
import { currentLanguage } from './language.ts';

// Every form shows zod's messages through this module: in the interface's language from its first use.
applyGermanValidationMessages(currentLanguage);

/** zod issues → the first message per field, keyed by dotted path (e.g. `evidence.url`). */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The server's field issues (`{ field, message }` in the error body) keyed like fieldErrors. */
export const serverFieldErrors = (issues: readonly { field: string; message: string }[] | undefined) =>
  fieldErrors((issues ?? []).map((issue) => ({ path: [issue.field], message: issue.message })));
