/** The counting rules and their wording, without zod: the dashboard's first screen needs only these. */
export const COUNTING_RULES = ['all_goals', 'due_by_date', 'short_term'] as const;
export type CountingRule = (typeof COUNTING_RULES)[number];

/** What each rule counts over, in words a committee member can check. Shown beside every figure. */
export const COUNTING_RULE_TEXT: Record<
  CountingRule,
  { de: { label: string; text: string }; en: { label: string; text: string } }
> = {
  all_goals: {
    de: {
      label: 'alle Ziele',
      text: 'Erreichte Ziele geteilt durch alle belegten Ziele der Version – so zählt die SPD („14 von 44“).',
    },
    en: {
      label: 'all goals',
      text: 'Achieved goals divided by all documented goals of the version — the SPD’s way of counting (“14 of 44”).',
    },
  },
  due_by_date: {
    de: {
      label: 'fällige Ziele',
      text: 'Nur Ziele, deren Frist am Stichtag abgelaufen ist (ausdrückliche Frist oder aus dem Zeithorizont abgeleitet). Ziele ohne Frist zählen nicht mit.',
    },
    en: {
      label: 'goals due',
      text: 'Only goals whose deadline had passed on the reference date (explicit, or derived from the horizon). Goals without a deadline are left out.',
    },
  },
  short_term: {
    de: {
      label: 'kurzfristige Ziele',
      text: 'Nur Ziele mit belegtem kurzfristigem Horizont – so zählt die Landesregierung („14 von 18“). Zählt nur Ziele, deren Horizont eine Quelle nennt.',
    },
    en: {
      label: 'short-term goals',
      text: 'Only goals with a documented short-term horizon — the government’s way of counting (“14 of 18”). Counts only goals whose horizon a source names.',
    },
  },
};
