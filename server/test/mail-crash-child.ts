/**
 * Child of the mail SIGKILL test (mail-durability.test.ts): the production app with mail from
 * SMTP_URL/MAIL_FROM and its sender loop running, queueing mails in transactions of two, and
 * printing each dedupe key only after its transaction committed, until it is killed.
 */
import { buildApp } from '../src/app.ts';
import { loadConfig, mailSettings } from '../src/config.ts';
import { renderMail } from '../src/mail/render.ts';

const config = loadConfig();
const tag = process.argv[2] ?? 'r0';
const app = await buildApp({
  databasePath: config.DATABASE_PATH,
  seedDir: null,
  clientDist: null,
  mail: mailSettings(config),
});
await app.ready();
const mail = app.mail;
if (!mail.configured) throw new Error('mail must be configured for this test');
mail.start();

const content = (key: string) =>
  renderMail('https://zielmonitor.landtag.nrw.example', {
    subject: key,
    title: 'Erinnerung',
    paragraphs: [`Nachricht ${key}`],
    links: [{ label: 'Zur Berichtsrunde', path: '/runden/12' }],
    reason: 'Sie erhalten diese E-Mail, weil Sie im Zielmonitor eingetragen sind.',
  });

for (let i = 0; ; i += 2) {
  const keys = [`${tag}-${i}`, `${tag}-${i + 1}`];
  app.db.transaction(() => {
    for (const key of keys) mail.enqueue(app, { to: [`${key}@mhkbd.nrw.example`], dedupeKey: key, ...content(key) });
  })();
  // Writes to a pipe are synchronous on Linux: a key the parent reads was committed before.
  process.stdout.write(`${keys.join('\n')}\n`);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
