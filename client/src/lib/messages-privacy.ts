import { useT } from './i18n.ts';

/** The privacy statement's words (Datenschutzerklärung): only its page loads them. */
const de = {
  title: 'Datenschutzerklärung',
  controller: (operator: string | null) =>
    `Verantwortlich für den Zielmonitor ist ${operator ?? 'die betreibende Stelle (in dieser Installation noch nicht eingetragen)'}. Personenbezogene Daten verarbeiten wir nur, soweit es für die hier genannten Zwecke nötig ist (Art. 6 Abs. 1 Buchst. a und e DSGVO).`,
  sections: [
    {
      title: 'Lesen ohne Konto',
      text: 'Wer den Zielmonitor nur liest, hinterlässt keine Daten bei uns: keine Cookies, keine Analyse, keine eingebundenen Angebote Dritter. Die IP-Adresse wird für höchstens einen Tag gezählt, um Missbrauch (zu viele Anfragen, Fehlermeldungen oder Abonnements von einer Adresse) zu begrenzen, und dann gelöscht.',
    },
    {
      title: 'Abonnements per E-Mail',
      text: 'Für ein Abonnement speichern wir Ihre E-Mail-Adresse, was Sie abonniert haben und wie oft Sie benachrichtigt werden wollen – nur dafür (Einwilligung, Art. 6 Abs. 1 Buchst. a DSGVO). Erst nach Ihrer Bestätigung per Link (Double-Opt-in) erhalten Sie Benachrichtigungen; ein unbestätigtes Abonnement und die Adresse werden nach 48 Stunden gelöscht. Jede E-Mail enthält einen Link zum Abmelden; mit dem Abmelden wird die Adresse sofort gelöscht, noch nicht verschickte E-Mails an sie werden nicht mehr verschickt. Adressen stehen in keinem Export, keinem Feed und keiner Schnittstelle. Im Protokoll steht nur, was abonniert oder beendet wurde, nie von wem.',
    },
    {
      title: 'Fehler melden',
      text: 'Einen Hinweis auf einen Fehler können Sie ohne Konto geben. Wir speichern den Text, den Beleg und – nur wenn Sie eine Antwort per E-Mail möchten – Ihre Adresse. Die Beantwortenden sehen die Adresse nicht, nur dass eine Antwort per E-Mail erbeten ist. Sobald die Antwort verschickt ist, wird die Adresse gelöscht. Schreiben Sie bitte keine persönlichen Angaben in den Text; der Hinweis bleibt als Teil der Nachvollziehbarkeit gespeichert, öffentlich sind nur die Zahlen je Ressort.',
    },
    {
      title: 'Konten der Ministerien und der unabhängigen Einschätzenden',
      text: 'Für Konten speichern wir Name, dienstliche E-Mail-Adresse, Rolle, Ressort oder Organisation und einen Passwort-Hash. Jede Änderung am öffentlichen Stand wird mit Konto und IP-Adresse protokolliert, damit nachvollziehbar bleibt, wer was gemeldet hat. Anmeldeversuche werden 30 Tage aufbewahrt.',
    },
    {
      title: 'Versandte E-Mails',
      text: 'Versandte E-Mails bleiben höchstens 30 Tage in der Versandwarteschlange, damit Zustellprobleme geklärt werden können; danach werden Empfänger und Inhalt gelöscht.',
    },
    {
      title: 'Ihre Rechte',
      text: 'Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch sowie das Recht, eine Einwilligung jederzeit zu widerrufen (Abmelden genügt). Sie können sich bei der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen beschweren.',
    },
  ],
  contact: 'Kontakt',
  noContact: 'Die Kontaktadresse ist in dieser Installation noch nicht eingetragen (Einstellung FEEDBACK_EMAIL).',
};

type PrivacyMessages = typeof de;

const en: PrivacyMessages = {
  title: 'Privacy policy',
  controller: (operator) =>
    `The Zielmonitor is run by ${operator ?? 'its operator (not yet configured in this installation)'}. We process personal data only as far as needed for the purposes below (Art. 6(1)(a) and (e) GDPR).`,
  sections: [
    {
      title: 'Reading without an account',
      text: 'Reading leaves no data with us: no cookies, no analytics, no third-party content. IP addresses are counted for at most one day to limit abuse and then deleted.',
    },
    {
      title: 'E-mail subscriptions',
      text: 'For a subscription we store your address, what you subscribed to and how often — for that alone (consent). Notifications start only after you confirm by link (double opt-in); unconfirmed subscriptions and their addresses are deleted after 48 hours. Every e-mail has an unsubscribe link; unsubscribing deletes the address at once. Addresses appear in no export, feed or interface; the audit log records what was subscribed, never by whom.',
    },
    {
      title: 'Reporting an error',
      text: 'You can report an error without an account. We store the text, the evidence and — only if you want an answer by e-mail — your address, which is deleted once the answer is sent. Please do not put personal details in the text; only the counts per ministry are public.',
    },
    {
      title: 'Accounts',
      text: 'For accounts we store name, work e-mail, role, ministry or organisation and a password hash. Every change to the public record is logged with account and IP address. Login attempts are kept for 30 days.',
    },
    {
      title: 'Sent e-mails',
      text: 'Sent e-mails stay in the outbox for at most 30 days; then recipients and content are erased.',
    },
    {
      title: 'Your rights',
      text: 'You have the right of access, rectification, erasure, restriction and objection, and may withdraw consent at any time (unsubscribing suffices). You may complain to the data protection authority of North Rhine-Westphalia (LDI NRW).',
    },
  ],
  contact: 'Contact',
  noContact: 'The contact address is not yet configured in this installation (FEEDBACK_EMAIL).',
};

export function usePrivacyT(): PrivacyMessages {
  return useT().lang === 'en' ? en : de;
}
