import { useT } from './i18n.ts';

/**
 * The words of the controllers' pages (my goals, reporting, correcting) and their form feedback.
 * Kept apart from messages-de.ts: only those pages load them, not the first screen.
 */
const de = {
  myGoals: 'Meine Ziele',
  intro: (ressorts: string[]) =>
    `${ressorts.length === 1 ? 'Ziele Ihres Ressorts' : 'Ziele Ihrer Ressorts'} ${ressorts.join(', ')}, fällige und überfällige zuerst.`,
  introAdmin: 'Mit der Rolle Administration können Sie für alle Ziele melden. Fällige und überfällige zuerst.',
  report: 'Stand melden',
  formTitle: 'Stand melden',
  current: 'Aktueller Stand laut Landesregierung',
  status: 'Neuer Status',
  progress: 'Fortschritt in Prozent (freiwillig)',
  effectiveDate: 'Gilt ab',
  note: 'Begründung / Anmerkung',
  noteHint: 'Für „erreicht“, „verfehlt“ und „aufgegeben“ nötig.',
  evidenceUrl: 'Beleg: Web-Adresse (freiwillig)',
  evidenceReference: 'Beleg: Drucksache oder Aktenzeichen (freiwillig)',
  submit: 'Meldung absenden',
  cancel: 'Abbrechen',
  backdated: (status: string, date: string) =>
    `Diese Meldung gilt ab einem früheren Tag als der aktuelle Stand („${status}“ ab ${date}). Sie wird gespeichert, wird aber nicht zum aktuellen Stand. War eine frühere Meldung falsch, berichtigen Sie besser diese:`,
  backdatedCorrect: (status: string, date: string) => `„${status}“ ab ${date} berichtigen`,
  tooEarly: (date: string) => `Eine Meldung kann frühestens ab der Vorstellung der Strategie gelten (${date}).`,
  correct: 'Berichtigen',
  withdraw: 'Zurücknehmen',
  correctTitle: 'Meldung berichtigen',
  withdrawTitle: 'Meldung zurücknehmen',
  correctIntro:
    'Eine Berichtigung ersetzt die Meldung unten. Diese bleibt im Verlauf sichtbar – durchgestrichen, mit Ihrem Namen, dem Datum und dem Grund. Ab jetzt zählt nur noch die Berichtigung.',
  withdrawIntro:
    'Eine Rücknahme nimmt die Meldung unten ohne Ersatz zurück: Es gilt wieder der Stand davor. Die Meldung bleibt im Verlauf sichtbar – durchgestrichen, mit Ihrem Namen, dem Datum und dem Grund.',
  mode: 'Was soll geschehen?',
  modeCorrect: 'Berichtigen: die Meldung durch eine richtige ersetzen',
  modeWithdraw: 'Zurücknehmen: die Meldung ersatzlos streichen',
  reportToCorrect: 'Die Meldung',
  reason: 'Grund der Berichtigung oder Rücknahme',
  reasonHint: 'Wird öffentlich neben der Meldung angezeigt. Mindestens 10 Zeichen.',
  submitCorrection: 'Berichtigung speichern',
  submitWithdrawal: 'Rücknahme speichern',
  alreadySuperseded: 'Diese Meldung ist bereits berichtigt oder zurückgenommen.',
  notCorrectable: 'Diese Meldung dürfen Sie nicht berichtigen.',
  errorsSummary: (n: number) => (n === 1 ? 'Bitte korrigieren Sie 1 Angabe.' : `Bitte korrigieren Sie ${n} Angaben.`),
  conflictTitle: 'Inzwischen gibt es einen neueren Stand',
  conflictText:
    'Während Sie das Formular ausgefüllt haben, wurde zu diesem Ziel etwas Neues gemeldet. Ihre Eingaben sind noch da. Bitte prüfen Sie den neuen Stand; wenn Ihre Meldung trotzdem gilt, senden Sie sie erneut.',
  conflictEvent: (who: string, status: string, date: string) => `${who} meldete „${status}“ mit Wirkung ab ${date}.`,
  conflictResend: 'Meine Meldung trotzdem absenden',
  forbidden: 'Dieses Ziel gehört nicht zu Ihren Ressorts.',
  loginFirst: 'Bitte melden Sie sich an, um einen Stand zu melden.',
};

export type ControllerMessages = typeof de;

const en: ControllerMessages = {
  myGoals: 'My goals',
  intro: (ressorts) => `Goals of ${ressorts.join(', ')}, due and overdue first.`,
  introAdmin: 'As an administrator you can report on every goal. Due and overdue first.',
  report: 'Report status',
  formTitle: 'Report status',
  current: 'Current official status',
  status: 'New status',
  progress: 'Progress in percent (optional)',
  effectiveDate: 'Effective from',
  note: 'Reason / note',
  noteHint: 'Required for “achieved”, “missed” and “dropped”.',
  evidenceUrl: 'Evidence: web address (optional)',
  evidenceReference: 'Evidence: printed paper or file number (optional)',
  submit: 'Send report',
  cancel: 'Cancel',
  backdated: (status, date) =>
    `This report takes effect earlier than the current status (“${status}” from ${date}). It will be saved but will not become the current status. If an earlier report was wrong, correct that one instead:`,
  backdatedCorrect: (status, date) => `Correct “${status}” from ${date}`,
  tooEarly: (date) => `A report can take effect from the strategy’s presentation at the earliest (${date}).`,
  correct: 'Correct',
  withdraw: 'Withdraw',
  correctTitle: 'Correct a report',
  withdrawTitle: 'Withdraw a report',
  correctIntro:
    'A correction replaces the report below. That report stays visible in the history — struck through, with your name, the date and the reason. From now on only the correction counts.',
  withdrawIntro:
    'A withdrawal removes the report below without a replacement: the status before it applies again. The report stays visible in the history — struck through, with your name, the date and the reason.',
  mode: 'What should happen?',
  modeCorrect: 'Correct: replace the report with a right one',
  modeWithdraw: 'Withdraw: remove the report without replacement',
  reportToCorrect: 'The report',
  reason: 'Reason for the correction or withdrawal',
  reasonHint: 'Shown publicly beside the report. At least 10 characters.',
  submitCorrection: 'Save correction',
  submitWithdrawal: 'Save withdrawal',
  alreadySuperseded: 'This report has already been corrected or withdrawn.',
  notCorrectable: 'You may not correct this report.',
  errorsSummary: (n) => (n === 1 ? 'Please correct 1 entry.' : `Please correct ${n} entries.`),
  conflictTitle: 'There is a newer status meanwhile',
  conflictText:
    'While you were filling in the form, something new was reported for this goal. Your entries are still here. Please check the new status; if your report still stands, send it again.',
  conflictEvent: (who, status, date) => `${who} reported “${status}”, effective ${date}.`,
  conflictResend: 'Send my report anyway',
  forbidden: 'This goal does not belong to your ministries.',
  loginFirst: 'Please log in to report a status.',
};

export function useControllerT(): ControllerMessages {
  return useT().lang === 'en' ? en : de;
}
