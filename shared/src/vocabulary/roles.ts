import type { Lang } from './lang.ts';

/**
 * The roles in words, for the account pages, the audit log and the CLI. Kept apart from labels.ts
 * so that the first screen, which shows no roles, does not load them. Keyed by string: a role
 * another part of the product adds (e.g. assessors) gets its words here too.
 */
export const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  de: {
    admin: 'Administration',
    controller: 'Controlling',
    reviewer: 'Prüfung und Freigabe',
    assessor: 'Unabhängige Bewertung',
  },
  en: {
    admin: 'Administration',
    controller: 'Controlling',
    reviewer: 'Review and release',
    assessor: 'Independent assessment',
  },
};

export const roleLabel = (role: string, lang: Lang = 'de'): string => ROLE_LABELS[lang][role] ?? role;
