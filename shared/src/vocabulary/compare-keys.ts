/**
 * Orders ASCII keys (Ressort codes, goal ids, ISO dates) by code point. Not localeCompare:
 * its first call builds an ICU collator, a long task on the first screen of a slow laptop,
 * and these keys have no language-specific order anyway.
 */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
