/** The audit log's actions in German: one home for the server's log, its CSV and the dashboard's filter. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'status.report': 'Stand gemeldet',
  'status.correct': 'Meldung berichtigt',
  'status.withdraw': 'Meldung zurückgenommen',
  'submission.submit': 'Meldung zur Freigabe eingereicht',
  'submission.release': 'Meldung freigegeben',
  'submission.return': 'Meldung zurückgegeben',
  'goal.assign': 'Zuständigkeit festgelegt',
  'goal.create': 'Ziel angelegt (Import)',
  'goal.update': 'Ziel geändert (Import)',
  'import.goals': 'Zielliste importiert',
  'round.open': 'Berichtsrunde eröffnet',
  'round.close': 'Berichtsrunde abgeschlossen',
  'snapshot.create': 'Stand eingefroren',
  'user.add': 'Konto angelegt',
  'user.disable': 'Konto gesperrt',
  'user.reset-password': 'Passwort zurückgesetzt',
  'login.failed': 'Anmeldung fehlgeschlagen',
  'login.refused': 'Anmeldung abgewiesen (zu viele Versuche)',
};
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);
