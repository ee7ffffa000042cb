/** The languages the product speaks: German first, English switchable. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
