/**
 * The terms of the product, one word for one thing, on every screen, export, mail and error: what
 * a Landtag's web editor proofreads against. `avoid` lists the synonyms and internal words that
 * must not appear in German public text instead; the scans in client/e2e/german.test.ts and
 * client/src/lib/messages-glossary.test.ts fail on them.
 */
export const GLOSSARY = [
  {
    de: 'Ressort',
    en: 'ministry',
    meaning: 'ein Ministerium oder die Staatskanzlei, mit Kürzel',
    avoid: ['Ministeriumskürzel', 'Geschäftsbereich'],
  },
  {
    de: 'Ziel',
    en: 'goal',
    meaning: 'ein Ziel der Digitalstrategie, mit ID wie v1-13',
    avoid: ['Zielvorgabe', 'Goal'],
  },
  {
    de: 'Meldung',
    en: 'report',
    meaning: 'was ein Ressort oder eine unabhängige Stelle zum Stand eines Ziels sagt',
    avoid: ['Statusmeldung', 'Report'],
  },
  {
    de: 'Einschätzung',
    en: 'assessment',
    meaning: 'wessen Sicht der Status ist: Landesregierung oder unabhängige Stelle',
    avoid: ['Track', 'Assessment'],
  },
  { de: 'Stand', en: 'as of', meaning: 'das Datum, für das eine Ansicht gilt', avoid: ['Datenstand', 'Stichdatum'] },
  {
    de: 'Kenntnisstand',
    en: 'knowledge',
    meaning: 'bis wann eingetragene Meldungen berücksichtigt sind',
    avoid: ['Wissensstand'],
  },
  {
    de: 'Zählweise',
    en: 'counting rule',
    meaning: 'welche Ziele eine Zahl zusammenzählt',
    avoid: ['Zählregel', 'Zählmethode', 'Counting'],
  },
  {
    de: 'Abdeckung',
    en: 'coverage',
    meaning: 'wie viele der Ziele öffentlich belegt sind',
    avoid: ['Coverage', 'Datenabdeckung'],
  },
  { de: 'Fälligkeit', en: 'due date', meaning: 'bis wann ein Ziel erreicht sein soll', avoid: ['Deadline'] },
  { de: 'Kennzahl', en: 'indicator', meaning: 'eine gemessene Größe mit Planpfad', avoid: ['KPI', 'Indikator'] },
] as const;

/** The avoided words as one pattern: whole words, case as written. */
export const AVOIDED = new RegExp(
  `(?<![\\p{L}-])(${GLOSSARY.flatMap((term) => term.avoid).join('|')})(?![\\p{L}-])`,
  'u',
);
