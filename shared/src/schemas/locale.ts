import { z } from 'zod';
import de from 'zod/v4/locales/de.js';

/**
 * Validation messages in German, the users' language, on server and client alike. Only the
 * German locale is imported: `z.locales` would pull every language into the dashboard bundle.
 */
export function applyGermanValidationMessages(): void {
  z.config(de());
}
