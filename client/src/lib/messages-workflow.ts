import {
  READING_SUBMISSION_KIND_LABELS,
  SUBMISSION_KIND_LABELS,
} from '@zielmonitor/shared/vocabulary/submission-labels';
import { useT } from './i18n.ts';

/**
 * The words of the ministries' reporting workflow (responsibility, releases, reporting rounds). Kept
 * apart from messages-de.ts: only the pages of the workflow load them, not the first screen.
 */
const de = {
  current: 'Aktuelle Berichtsrunde',
  reviewNav: 'Freigaben',
  roundsNav: 'Berichtsrunden',
  responsibleToday: 'Heute zuständig',
  strategyRessort: 'In der Strategie',
  unsettled: 'Zuständigkeit ungeklärt',
  unsettledText: (codes: string) =>
    `Das Ressort der Strategie besteht nicht mehr; seine Aufgaben sind auf mehrere Ressorts übergegangen (${codes}). Bis die Administration das Ziel einem von ihnen zuordnet, darf jedes davon melden.`,
  assignedText: (code: string, date: string, basis: string) => `Zugeordnet an ${code} ab ${date}. Grundlage: ${basis}`,
  assignTitle: 'Zuständigkeit festlegen',
  assignRessort: 'Zuständiges Ressort',
  assignFrom: 'Gilt ab',
  assignBasis: 'Grundlage (z. B. Organisationserlass)',
  assignSubmit: 'Zuständigkeit speichern',
  pendingPublic: (n: number) =>
    n === 1
      ? '1 Meldung wartet auf Freigabe durch eine zweite Person.'
      : `${n} Meldungen warten auf Freigabe durch eine zweite Person.`,
  pendingReadingsPublic: (n: number) =>
    n === 1
      ? '1 Messwert wartet auf Freigabe durch eine zweite Person. Bewertet ist bis dahin der bisherige Stand.'
      : `${n} Messwerte warten auf Freigabe durch eine zweite Person. Bewertet ist bis dahin der bisherige Stand.`,
  pendingTitle: 'Wartet auf Freigabe',
  submitted:
    'Eingereicht. Ihre Meldung wird öffentlich, sobald eine zweite Person sie freigibt; bis dahin gilt der bisherige Stand.',
  readingSubmitted:
    'Eingereicht. Ihr Messwert wird öffentlich und bewertet, sobald eine zweite Person ihn freigibt; bis dahin gilt der bisherige Stand.',
  kind: SUBMISSION_KIND_LABELS.de,
  readingKind: READING_SUBMISSION_KIND_LABELS.de,
  indicatorNamed: (name: string) => `Kennzahl „${name}“`,
  readingCorrected: (value: string, before: string) => `${value} statt bisher ${before}`,
  readingWithdrawn: (before: string) => `zurückzuziehen: ${before}`,
  evidence: 'Beleg',
  state: { pending: 'wartet auf Freigabe', released: 'freigegeben', returned: 'zurückgegeben' },
  submittedBy: (who: string, date: string) => `eingereicht von ${who} am ${date}`,
  decidedBy: {
    released: (who: string, date: string) => `freigegeben von ${who} am ${date}`,
    returned: (who: string, date: string) => `zurückgegeben von ${who} am ${date}`,
  },
  returnedBecause: 'Grund der Rückgabe',
  release: 'Freigeben',
  returnAction: 'Zurückgeben',
  returnReason: 'Grund für die Rückgabe',
  returnSubmit: 'Mit diesem Grund zurückgeben',
  reviewTitle: 'Freigaben',
  reviewIntro:
    'Meldungen und Messwerte der Ministerien werden erst öffentlich, wenn eine zweite Person sie freigibt (Vier-Augen-Prinzip). Eigene gibt immer jemand anderes frei.',
  reviewEmpty: 'Zurzeit wartet keine Meldung und kein Messwert Ihrer Ressorts auf Freigabe.',
  returnedTitle: 'Zurückgegeben',
  ownSubmission: 'Von Ihnen eingereicht – freigeben kann nur eine zweite Person.',
  othersSubmission: 'Freigeben kann eine Prüferin oder ein Prüfer Ihres Ressorts oder die Administration.',
  roundsTitle: 'Berichtsrunden',
  roundsIntro:
    'In einer Berichtsrunde meldet jedes Ressort bis zu einem Stichtag den Stand jedes seiner Ziele – oder bestätigt ihn als unverändert. Hier steht öffentlich, welches Ressort vollständig gemeldet hat und welches nicht.',
  roundsEmpty: 'Es gibt noch keine Berichtsrunde.',
  roundDue: (date: string) => `fällig am ${date}`,
  roundProgress: (reported: number, goals: number, complete: number, ressorts: number) =>
    `${reported} von ${goals === 1 ? '1 Ziel' : `${goals} Zielen`} gemeldet · ${complete} von ${ressorts === 1 ? '1 Ressort' : `${ressorts} Ressorts`} vollständig`,
  roundClosed: (date: string) => `abgeschlossen am ${date}`,
  roundOpen: 'läuft',
  currentRound: 'Aktuelle Berichtsrunde',
  roundRessort: 'Ressort',
  roundReported: 'gemeldet',
  roundPending: 'wartet auf Freigabe',
  roundMissing: 'fehlt',
  roundComplete: 'vollständig',
  roundOverdue: (date: string) => `überfällig seit ${date}`,
  roundGoalState: {
    reported: 'gemeldet',
    reported_late: 'verspätet gemeldet',
    pending: 'wartet auf Freigabe',
    missing: 'fehlt',
  },
  roundWithoutRessort: (n: number) =>
    n === 1
      ? '1 Ziel dieser Version hat kein belegtes Ressort und gehört deshalb zu keiner Berichtspflicht.'
      : `${n} Ziele dieser Version haben kein belegtes Ressort und gehören deshalb zu keiner Berichtspflicht.`,
  roundUnsettled: 'Zuständigkeit ungeklärt – zählt für jedes in Frage kommende Ressort',
  createRound: 'Berichtsrunde eröffnen',
  roundName: 'Name, z. B. „Bericht zur Ausschusssitzung 12/2026“',
  roundOpensOn: 'Meldungen zählen ab',
  roundDueOn: 'Fällig am',
  roundRessorts: 'Ressorts in der Runde',
  roundVersion: 'Strategieversion',
  closeRound: 'Runde abschließen und einfrieren',
  frozenAs: 'Eingefroren als',
  confirmUnchanged: 'Unverändert bestätigen',
  unchangedNote: 'Stand unverändert.',
  myGoalsEmpty: 'Für keines Ihrer Ressorts gibt es derzeit Ziele, zu denen Sie melden können.',
  dissolved: (code: string, date: string, successors: string) =>
    `Das Ressort ${code} besteht seit dem ${date} nicht mehr; seine Ziele sind an ${successors} übergegangen. Melden können jetzt die Controllerinnen und Controller dieser Ressorts.`,
  currentLine: 'Ziele, für die dieses Ressort heute zuständig ist',
  strategyLine: 'Ziele, die die Strategie diesem Ressort zuordnet – heute zuständig',
};

const en: typeof de = {
  current: 'Current reporting round',
  reviewNav: 'Releases',
  roundsNav: 'Reporting rounds',
  responsibleToday: 'Responsible today',
  strategyRessort: 'In the strategy',
  unsettled: 'Responsibility not settled',
  unsettledText: (codes) =>
    `The strategy's ministry no longer exists; its duties passed to several ministries (${codes}). Until the administration assigns the goal to one of them, each may report.`,
  assignedText: (code, date, basis) => `Assigned to ${code} from ${date}. Basis: ${basis}`,
  assignTitle: 'Settle responsibility',
  assignRessort: 'Responsible ministry',
  assignFrom: 'Applies from',
  assignBasis: 'Basis (e.g. organisational decree)',
  assignSubmit: 'Save responsibility',
  pendingPublic: (n) =>
    n === 1
      ? '1 report is waiting for release by a second person.'
      : `${n} reports are waiting for release by a second person.`,
  pendingReadingsPublic: (n) =>
    n === 1
      ? '1 reading is waiting for release by a second person. Until then the previous figures are rated.'
      : `${n} readings are waiting for release by a second person. Until then the previous figures are rated.`,
  pendingTitle: 'Waiting for release',
  submitted:
    'Submitted. Your report becomes public once a second person releases it; until then the previous status applies.',
  readingSubmitted:
    'Submitted. Your reading becomes public and rated once a second person releases it; until then the previous figures apply.',
  kind: SUBMISSION_KIND_LABELS.en,
  readingKind: READING_SUBMISSION_KIND_LABELS.en,
  indicatorNamed: (name) => `Indicator “${name}”`,
  readingCorrected: (value, before) => `${value} instead of ${before} so far`,
  readingWithdrawn: (before) => `to be withdrawn: ${before}`,
  evidence: 'Evidence',
  state: { pending: 'waiting for release', released: 'released', returned: 'returned' },
  submittedBy: (who, date) => `submitted by ${who} on ${date}`,
  decidedBy: {
    released: (who, date) => `released by ${who} on ${date}`,
    returned: (who, date) => `returned by ${who} on ${date}`,
  },
  returnedBecause: 'Reason for returning',
  release: 'Release',
  returnAction: 'Return',
  returnReason: 'Reason for returning it',
  returnSubmit: 'Return with this reason',
  reviewTitle: 'Releases',
  reviewIntro:
    'Ministries’ reports and readings become public only once a second person releases them (four-eyes principle). Someone else always releases your own.',
  reviewEmpty: 'No report or reading of your ministries is waiting for release.',
  returnedTitle: 'Returned',
  ownSubmission: 'Submitted by you — only a second person can release it.',
  othersSubmission: 'A reviewer of your ministry or the administration can release it.',
  roundsTitle: 'Reporting rounds',
  roundsIntro:
    'In a reporting round every ministry reports the status of each of its goals by a deadline — or confirms it unchanged. This page shows publicly which ministry reported completely and which did not.',
  roundsEmpty: 'There is no reporting round yet.',
  roundDue: (date) => `due on ${date}`,
  roundProgress: (reported, goals, complete, ressorts) =>
    `${reported} of ${goals === 1 ? '1 goal' : `${goals} goals`} reported · ${complete} of ${ressorts === 1 ? '1 ministry' : `${ressorts} ministries`} complete`,
  roundClosed: (date) => `closed on ${date}`,
  roundOpen: 'open',
  currentRound: 'Current reporting round',
  roundRessort: 'Ministry',
  roundReported: 'reported',
  roundPending: 'waiting for release',
  roundMissing: 'missing',
  roundComplete: 'complete',
  roundOverdue: (date) => `overdue since ${date}`,
  roundGoalState: {
    reported: 'reported',
    reported_late: 'reported late',
    pending: 'waiting for release',
    missing: 'missing',
  },
  roundWithoutRessort: (n) =>
    n === 1
      ? '1 goal of this version has no documented ministry and so falls under no reporting duty.'
      : `${n} goals of this version have no documented ministry and so fall under no reporting duty.`,
  roundUnsettled: 'Responsibility not settled — counts for each ministry in question',
  createRound: 'Open a reporting round',
  roundName: 'Name, e.g. “Report for the committee session 12/2026”',
  roundOpensOn: 'Reports count from',
  roundDueOn: 'Due on',
  roundRessorts: 'Ministries in the round',
  roundVersion: 'Strategy version',
  closeRound: 'Close and freeze the round',
  frozenAs: 'Frozen as',
  confirmUnchanged: 'Confirm unchanged',
  unchangedNote: 'Status unchanged.',
  myGoalsEmpty: 'There are currently no goals your ministries can report on.',
  dissolved: (code, date, successors) =>
    `The ministry ${code} has not existed since ${date}; its goals passed to ${successors}. Their controllers report now.`,
  currentLine: 'Goals this ministry is responsible for today',
  strategyLine: 'Goals the strategy assigns to this ministry — responsible today',
};

export type WorkflowMessages = typeof de;

export function useWorkflowT(): WorkflowMessages {
  return useT().lang === 'en' ? en : de;
}
