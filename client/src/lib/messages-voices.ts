import { useT } from './i18n.ts';

/**
 * The words of independent voices: assessments, replies, "Fehler melden", subscriptions and the
 * privacy page. Only the pages that show them load them, not the first screen.
 */
const de = {
  assess: 'Unabhängige Einschätzung abgeben',
  assessTitle: 'Unabhängige Einschätzung',
  assessIntro: (organisation: string) =>
    `Sie schreiben für ${organisation} in die unabhängige Spur. Die Einschätzung braucht eine Begründung und einen Beleg; sie erscheint mit Ihrer Organisation als Quelle neben den Meldungen der Landesregierung.`,
  assessed: 'Ihre Einschätzung ist veröffentlicht.',
  assessLabels: {
    note: 'Begründung',
    noteHint: 'Pflicht: worauf sich die Einschätzung stützt. Nur Text, höchstens 2000 Zeichen.',
    evidenceUrl: 'Beleg: Web-Adresse',
    evidenceReference: 'oder Drucksache, Plenarprotokoll, Artikel',
  },
  assessReading: 'Unabhängigen Messwert melden',
  replies: 'Stellungnahmen',
  replyBy: (who: string, date: string) => `Stellungnahme von ${who} vom ${date}`,
  replyCorrected: 'berichtigte Fassung',
  replyWithdrawn: (date: string, reason: string) => `Zurückgenommen am ${date}. Grund: ${reason}`,
  replySuperseded: (date: string, reason: string) => `Berichtigt am ${date}. Grund: ${reason}`,
  reply: 'Stellungnahme abgeben',
  replyTitle: 'Stellungnahme abgeben',
  replyIntro:
    'Eine Stellungnahme steht neben dem Eintrag, auf den sie antwortet; sie ändert keinen Wert und keinen Status. Je Organisation oder Ressort gibt es eine; sie lässt sich später berichtigen oder zurücknehmen.',
  replyText: 'Ihre Stellungnahme',
  replyTextHint: 'Mindestens 20, höchstens 2000 Zeichen. Nur Text, keine Formatierung.',
  evidenceUrl: 'Beleg: Web-Adresse',
  evidenceReference: 'oder Drucksache (z. B. „Drs. 18/1234“)',
  replySubmit: 'Stellungnahme veröffentlichen',
  replyWithdraw: 'Stellungnahme zurücknehmen',
  withdrawReason: 'Grund der Rücknahme',
  withdrawSubmit: 'Zurücknehmen',
  answering: 'Sie antworten auf',
  back: 'Zurück',
  reportError: 'Fehler melden',
  reportTitle: 'Fehler melden',
  reportIntro:
    'Sie haben einen Fehler gefunden? Sagen Sie uns, was nicht stimmt, am besten mit einem Beleg. Ein Konto brauchen Sie nicht. Die zuständigen Stellen prüfen jeden Hinweis und beantworten ihn: berichtigt oder abgelehnt mit Grund.',
  reportAbout: 'Ihr Hinweis betrifft',
  reportWhat: 'Was ist falsch?',
  reportWhatHint: 'Mindestens 10, höchstens 2000 Zeichen.',
  reportEvidence: 'Beleg (Web-Adresse, freiwillig)',
  reportEmail: 'E-Mail-Adresse für die Antwort (freiwillig)',
  reportEmailHint:
    'Nur wenn Sie eine Antwort per E-Mail möchten. Die Adresse sehen nur wir; sie wird gelöscht, sobald die Antwort verschickt ist.',
  reportNoMail:
    'Eine Antwort per E-Mail ist in dieser Installation nicht eingerichtet; die Antwort steht dann hier im Zielmonitor.',
  honeypot: 'Dieses Feld bitte leer lassen',
  reportSubmit: 'Hinweis senden',
  reportThanks: (id: number, byMail: boolean) =>
    `Danke! Ihr Hinweis Nr. ${id} ist eingegangen.${byMail ? ' Sie erhalten die Antwort per E-Mail.' : ''}`,
  figureWhich: 'Welche Zahl ist falsch?',
  figureToRessort:
    'Zahlen eines Ressorts prüft das Ressort, das es heute fortführt, zusammen mit der Administration. Die Zahl ist so gespeichert, wie Sie sie gesehen haben: mit Stand, Zählweise und Wissensstand.',
  figureToAdmin:
    'Zahlen der ganzen Strategie und der Ziele ohne belegtes Ressort prüft die Administration. Die Zahl ist so gespeichert, wie Sie sie gesehen haben: mit Stand, Zählweise und Wissensstand.',
  subjectGoal: (id: string) => `Ziel ${id}`,
  subjectEvent: (id: number) => `Meldung Nr. ${id}`,
  subjectIndicator: (id: string) => `Kennzahl ${id}`,
  subjectReading: (id: number) => `Messwert Nr. ${id}`,
  requestsTitle: 'Hinweise aus der Öffentlichkeit',
  requestsIntro:
    'Jede und jeder kann über „Fehler melden“ auf einen Fehler hinweisen. So viele Hinweise sind je Ressort offen und beantwortet:',
  statsRessort: 'Ressort',
  statsOpen: 'offen',
  statsAccepted: 'berichtigt',
  statsDeclined: 'abgelehnt',
  statsWithout: 'ohne Ressort',
  statsTotal: 'Zusammen',
  queueTitle: 'Zu beantworten',
  queueEmpty: 'Zurzeit wartet kein Hinweis auf Ihre Antwort.',
  answeredTitle: 'Beantwortet',
  requestHead: (id: number, date: string) => `Hinweis Nr. ${id} vom ${date}`,
  requestEvidence: 'Beleg',
  requestByMail: 'Antwort per E-Mail erbeten',
  state: { open: 'offen', accepted: 'berichtigt', declined: 'abgelehnt' },
  answeredBy: (who: string, date: string) => `beantwortet von ${who} am ${date}`,
  answer: 'Antwort',
  answerHint:
    'Bei einer Ablehnung der Grund (mindestens 10 Zeichen); wird veröffentlicht und ggf. per E-Mail geschickt.',
  linkEntry: 'Nummer der Berichtigung (Meldung oder Messwert), zu der der Hinweis geführt hat',
  accept: 'Als berichtigt schließen',
  decline: 'Ablehnen',
  toCorrection: 'Zur Berichtigung',
  subscribe: 'Per E-Mail benachrichtigen',
  subscribeIntro: (what: string) =>
    `Wir schreiben Ihnen, wenn sich bei ${what} etwas ändert: neue Meldungen, Berichtigungen, Stellungnahmen und überfällige Berichtsrunden. Jede E-Mail hat einen Link zum Abmelden.`,
  email: 'E-Mail-Adresse',
  frequency: 'Wie oft?',
  immediate: 'bei jeder Änderung',
  daily: 'einmal täglich als Zusammenfassung',
  subscribeSubmit: 'Abonnieren',
  subscribeSent: (hours: number) =>
    `Fast geschafft: Wir haben Ihnen einen Bestätigungslink geschickt. Er gilt ${hours} Stunden; erst danach erhalten Sie Benachrichtigungen.`,
  privacyLink: 'Datenschutzerklärung',
  confirmTitle: 'Abonnement bestätigen',
  confirming: 'Ihr Abonnement wird bestätigt …',
  confirmed: (what: string) => `Ihr Abonnement ist bestätigt: ${what}.`,
  noToken: 'Der Link ist unvollständig. Bitte öffnen Sie ihn genau so, wie er in der E-Mail steht.',
  unsubscribeTitle: 'Abonnement beenden',
  unsubscribeFor: (email: string) => `Abonnements für ${email}:`,
  unsubscribeOthers: (n: number) =>
    n === 1
      ? 'Für diese Adresse besteht noch 1 weiteres Abonnement.'
      : `Für diese Adresse bestehen noch ${n} weitere Abonnements.`,
  unsubscribeSubmit: 'Abmelden',
  unsubscribeAll: 'Alle Abonnements dieser Adresse beenden',
  unsubscribed:
    'Abgemeldet. Sie erhalten dafür keine E-Mails mehr; Ihre Adresse ist gelöscht, wenn kein Abonnement mehr besteht.',
  feed: 'Atom-Feed',
};

export type VoicesMessages = typeof de;

const en: VoicesMessages = {
  assess: 'Add an independent assessment',
  assessTitle: 'Independent assessment',
  assessIntro: (organisation) =>
    `You write for ${organisation} on the independent track. An assessment needs reasons and evidence; it appears with your organisation as its source beside the government's reports.`,
  assessed: 'Your assessment is published.',
  assessLabels: {
    note: 'Reasons',
    noteHint: 'Required: what the assessment rests on. Plain text, at most 2000 characters.',
    evidenceUrl: 'Evidence: web address',
    evidenceReference: 'or printed paper, plenary record, article',
  },
  assessReading: 'Report an independent reading',
  replies: 'Replies',
  replyBy: (who, date) => `Reply by ${who} of ${date}`,
  replyCorrected: 'corrected version',
  replyWithdrawn: (date, reason) => `Withdrawn on ${date}. Reason: ${reason}`,
  replySuperseded: (date, reason) => `Corrected on ${date}. Reason: ${reason}`,
  reply: 'Reply',
  replyTitle: 'Reply',
  replyIntro:
    'A reply stands beside the entry it answers; it changes no value and no status. Each organisation or ministry gives one; it can be corrected or withdrawn later.',
  replyText: 'Your reply',
  replyTextHint: 'At least 20, at most 2000 characters. Plain text only.',
  evidenceUrl: 'Evidence: web address',
  evidenceReference: 'or printed paper (e.g. “Drs. 18/1234”)',
  replySubmit: 'Publish reply',
  replyWithdraw: 'Withdraw reply',
  withdrawReason: 'Reason for withdrawing',
  withdrawSubmit: 'Withdraw',
  answering: 'You answer',
  back: 'Back',
  reportError: 'Report an error',
  reportTitle: 'Report an error',
  reportIntro:
    'Found an error? Tell us what is wrong, ideally with evidence. No account needed. The ministries concerned check every report and answer it: corrected, or declined with a reason.',
  reportAbout: 'Your report concerns',
  reportWhat: 'What is wrong?',
  reportWhatHint: 'At least 10, at most 2000 characters.',
  reportEvidence: 'Evidence (web address, optional)',
  reportEmail: 'E-mail address for the answer (optional)',
  reportEmailHint: 'Only if you want an answer by e-mail. Only we see it; it is deleted once the answer is sent.',
  reportNoMail: 'Answers by e-mail are not set up here; the answer will be shown in the Zielmonitor.',
  honeypot: 'Please leave this field empty',
  reportSubmit: 'Send report',
  reportThanks: (id, byMail) =>
    `Thank you! Your report no. ${id} has arrived.${byMail ? ' The answer will come by e-mail.' : ''}`,
  figureWhich: 'Which figure is wrong?',
  figureToRessort:
    'Figures of a ministry are checked by the ministry carrying it on today, together with the administration. The figure is stored as you saw it: with its date, counting rule and state of knowledge.',
  figureToAdmin:
    'Figures of the whole strategy and of goals without a documented ministry are checked by the administration. The figure is stored as you saw it: with its date, counting rule and state of knowledge.',
  subjectGoal: (id) => `Goal ${id}`,
  subjectEvent: (id) => `Report no. ${id}`,
  subjectIndicator: (id) => `Indicator ${id}`,
  subjectReading: (id) => `Reading no. ${id}`,
  requestsTitle: 'Reports from the public',
  requestsIntro: 'Anyone can point out an error with “Report an error”. Open and answered reports per ministry:',
  statsRessort: 'Ministry',
  statsOpen: 'open',
  statsAccepted: 'corrected',
  statsDeclined: 'declined',
  statsWithout: 'no ministry',
  statsTotal: 'Total',
  queueTitle: 'To answer',
  queueEmpty: 'No report is waiting for your answer.',
  answeredTitle: 'Answered',
  requestHead: (id, date) => `Report no. ${id} of ${date}`,
  requestEvidence: 'Evidence',
  requestByMail: 'Answer by e-mail requested',
  state: { open: 'open', accepted: 'corrected', declined: 'declined' },
  answeredBy: (who, date) => `answered by ${who} on ${date}`,
  answer: 'Answer',
  answerHint: 'For a refusal the reason (at least 10 characters); published and sent by e-mail if requested.',
  linkEntry: 'Number of the correction (report or reading) the report led to',
  accept: 'Close as corrected',
  decline: 'Decline',
  toCorrection: 'To the correction',
  subscribe: 'Notify me by e-mail',
  subscribeIntro: (what) =>
    `We write when ${what} changes: new reports, corrections, replies and overdue reporting rounds. Every e-mail has an unsubscribe link.`,
  email: 'E-mail address',
  frequency: 'How often?',
  immediate: 'on every change',
  daily: 'once a day as a digest',
  subscribeSubmit: 'Subscribe',
  subscribeSent: (hours) =>
    `Almost done: we sent you a confirmation link. It is valid for ${hours} hours; notifications start once you confirm.`,
  privacyLink: 'Privacy policy',
  confirmTitle: 'Confirm subscription',
  confirming: 'Confirming your subscription …',
  confirmed: (what) => `Your subscription is confirmed: ${what}.`,
  noToken: 'The link is incomplete. Please open it exactly as it appears in the e-mail.',
  unsubscribeTitle: 'End subscription',
  unsubscribeFor: (email) => `Subscriptions for ${email}:`,
  unsubscribeOthers: (n) =>
    n === 1 ? 'This address has 1 more subscription.' : `This address has ${n} more subscriptions.`,
  unsubscribeSubmit: 'Unsubscribe',
  unsubscribeAll: 'End every subscription of this address',
  unsubscribed:
    'Unsubscribed. You will get no more e-mails for it; your address is deleted once no subscription remains.',
  feed: 'Atom feed',
};

export function useVoicesT(): VoicesMessages {
  return useT().lang === 'en' ? en : de;
}
