import type { App } from '../src/app.ts';
import type { MailOn } from '../src/mail/mail.ts';
import type { Enqueued, OutgoingMail } from '../src/mail/outbox.ts';
import { renderMail } from '../src/mail/render.ts';
import { publicTextLeaks } from '@zielmonitor/shared/vocabulary/public-text';

export const MAIL_FROM = 'Zielmonitor <zielmonitor@landtag.nrw.example>';
export const ORIGIN = 'https://zielmonitor.landtag.nrw.example';

/** A reminder as a reporting-round feature would queue it. */
export function reminder(dedupeKey: string, to = ['kim.kaiser@mhkbd.nrw.example']): OutgoingMail {
  return {
    to,
    dedupeKey,
    ...renderMail(ORIGIN, {
      subject: 'Erinnerung: Bericht zur Ausschusssitzung 12/2026 fällig am 12.12.2026',
      title: 'Für 3 Ziele fehlt noch ein Bericht',
      paragraphs: [
        'Guten Tag,',
        'die Berichtsrunde „Bericht zur Ausschusssitzung 12/2026“ endet am 12. Dezember 2026. Für 3 Ziele Ihres Ressorts liegt noch kein freigegebener Bericht vor.',
      ],
      links: [{ label: 'Zur Berichtsrunde', path: '/runden/12' }],
      reason:
        'Sie erhalten diese E-Mail, weil Sie im Zielmonitor als Controllerin oder Controller für das MHKBD eingetragen sind.',
    }),
  };
}

/** `app.mail`, known to be configured. */
export function mailOf(app: App): MailOn {
  if (!app.mail.configured) throw new Error('mail is not configured in this test app');
  return app.mail;
}

/** Queues inside a transaction, as every feature does. */
export function enqueue(app: App, mail: OutgoingMail, now?: Date): Enqueued {
  return app.db.transaction(() => mailOf(app).enqueue(app, mail, now))();
}

export const minutesAfter = (start: Date, minutes: number): Date => new Date(start.getTime() + minutes * 60_000);

/**
 * What every mail queued so far says that a German reader must not read (enum values, snake_case,
 * placeholders, words the glossary avoids): subject and text, the links taken out — the HTML part
 * is rendered from the same content (mail/render.ts).
 */
export function queuedMailLeaks(app: App): string[] {
  const rows = app.db.prepare('SELECT dedupe_key, subject, text_body FROM mail_queue ORDER BY id').all() as {
    dedupe_key: string;
    subject: string;
    text_body: string;
  }[];
  return rows.flatMap((row) =>
    publicTextLeaks(`mail ${row.dedupe_key}`, `${row.subject}\n${row.text_body.replace(/https?:\/\/\S+/g, '')}`),
  );
}

/** How many mails are queued: a scan of none would pass without reading anything. */
export const queuedMailCount = (app: App): number =>
  Number(app.db.prepare('SELECT count(*) FROM mail_queue').pluck().get());
