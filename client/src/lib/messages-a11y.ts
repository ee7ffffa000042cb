import { useT } from './i18n.ts';

/**
 * The accessibility statement's words: only its page loads them, not the first screen.
 */
const de = {
  title: 'Erklärung zur Barrierefreiheit',
  scope: (operator: string | null) =>
    `Diese Erklärung gilt für den Zielmonitor${operator ? ` von ${operator}` : ''}. Als Webangebot einer öffentlichen Stelle in Nordrhein-Westfalen soll er die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und damit WCAG 2.1 auf Stufe AA erfüllen.`,
  stateTitle: 'Stand der Vereinbarkeit',
  state:
    'Der Zielmonitor ist weitgehend vereinbar. Jede Seite und jeder Zustand (Überblick, Zielliste mit Filtern, Zielseite, 44 → 78, Verlauf, Anmeldung, Meldeformular mit Fehlern, Konfliktmeldung, Import-Probelauf, Sitzungsmodus, Fehlerseite) wird bei jedem Test automatisch mit axe-core geprüft; die Seiten sind mit der Tastatur bedienbar und bei 320 Pixel Breite und 200 % Vergrößerung ohne waagerechtes Scrollen lesbar.',
  limitsTitle: 'Bekannte Einschränkungen',
  limits: [
    'Diagramme sind für Screenreader ausgeblendet; dieselben Zahlen stehen jeweils in einer Tabelle und in einem Satz darunter.',
    'Quellen von Dritten (Presse, Fraktionen, Landtag) sind verlinkt; für deren Barrierefreiheit ist der Zielmonitor nicht verantwortlich.',
    'Eine Übersetzung in Leichte Sprache und Deutsche Gebärdensprache gibt es noch nicht; eine Erklärung in einfacher Sprache steht auf der Startseite.',
  ],
  howTitle: 'Erstellung dieser Erklärung',
  how: 'Die Erklärung beruht auf einer Selbstbewertung mit automatischen Tests (axe-core, Regeln WCAG 2.1 A/AA) und Tests der Tastaturbedienung in einem echten Browser.',
  feedbackTitle: 'Feedback und Kontakt',
  feedback:
    'Sind Ihnen Barrieren aufgefallen? Schreiben Sie uns – wir antworten innerhalb von sechs Wochen (§ 10 BITV 2.0 i. V. m. BGG NRW).',
  noContact:
    'Die Kontaktadresse für Feedback ist in dieser Installation noch nicht eingetragen (Einstellung FEEDBACK_EMAIL).',
  enforcementTitle: 'Durchsetzungsverfahren',
  enforcement:
    'Wenn Sie auf Ihre Mitteilung keine zufriedenstellende Antwort erhalten, können Sie sich an die Durchsetzungs- und Schlichtungsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden.',
};

const en: typeof de = {
  title: 'Accessibility statement',
  scope: (operator) =>
    `This statement covers Zielmonitor${operator ? ` run by ${operator}` : ''}. As a web service of a public body in North Rhine-Westphalia it aims to meet BITV 2.0 and thus WCAG 2.1 level AA.`,
  stateTitle: 'Compliance status',
  state:
    'Zielmonitor is largely compliant. Every page and state (overview, filtered goal list, goal page, 44 → 78, over time, login, report form with errors, conflict message, import dry run, session mode, error page) is checked with axe-core on every test run; pages work by keyboard and read without horizontal scrolling at 320 px and 200 % zoom.',
  limitsTitle: 'Known limitations',
  limits: [
    'Charts are hidden from screen readers; the same figures are in a table and a sentence below each chart.',
    'Third-party sources (press, parliamentary groups, parliament) are linked; their accessibility is outside Zielmonitor’s control.',
    'There is no version in Easy Language or German Sign Language yet; a plain-language explanation is on the start page.',
  ],
  howTitle: 'How this statement was prepared',
  how: 'Self-assessment with automated tests (axe-core, WCAG 2.1 A/AA rules) and keyboard tests in a real browser.',
  feedbackTitle: 'Feedback and contact',
  feedback: 'Found a barrier? Write to us — we answer within six weeks.',
  noContact: 'The feedback address has not been configured for this installation yet (setting FEEDBACK_EMAIL).',
  enforcementTitle: 'Enforcement procedure',
  enforcement:
    'If you do not receive a satisfactory answer, you can turn to the enforcement and conciliation body for accessible information technology of the State of North Rhine-Westphalia.',
};

export function useA11yT(): typeof de {
  return useT().lang === 'en' ? en : de;
}
