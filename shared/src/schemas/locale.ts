import { z } from 'zod';
import type { Lang } from '../vocabulary/lang.ts';
import { validationMessage } from './validation-messages.ts';

/**
 * Validation messages worded by validation-messages.ts instead of zod's locale, on server and client
 * alike: German, or on the client the interface's language at the moment of validation. Messages a
 * schema sets itself take precedence, as zod defines.
 */
export function applyGermanValidationMessages(language: () => Lang = () => 'de'): void {
  z.config({ customError: (issue) => validationMessage(issue, language()) });
}
