import type { Lang } from './lang.ts';

/**
 * The roles in words, for the account pages, the audit log and the CLI. Kept apart from labels.ts
 * so that the first screen, which shows no roles, does not load them. Keyed by string, so the
 * audit log can name a role read back from stored JSON. "Einschätzung" as in the glossary.
 */
export const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  de: {
    admin: 'Administration',
    controller: 'Controlling',
    reviewer: 'Prüfung und Freigabe',
    assessor: 'Unabhängige Einschätzung',
  },
  en: {
    admin: 'Administration',
    controller: 'Controlling',
    reviewer: 'Review and release',
    assessor: 'Independent assessment',
  },
};

export const roleLabel = (role: string, lang: Lang = 'de'): string => ROLE_LABELS[lang][role] ?? role;
