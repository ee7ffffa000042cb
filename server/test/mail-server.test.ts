import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/lib/server-process.ts';
import { openDatabase } from '../src/db/database.ts';
import { createOutbox } from '../src/mail/outbox.ts';
import { createRepositories } from '../src/repositories/index.ts';
import { MAIL_FROM, reminder } from './mail-fixtures.ts';
import { startSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

/** The server as `npm start` runs it (the bundle from `npm run build`), configured through the environment. */
describe('mail in the production server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-mail-server-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to start with SMTP_URL but without MAIL_FROM, naming the variable and not the password', async () => {
    const start = startServer({
      databasePath: path.join(dir, 'refused.sqlite'),
      env: { SMTP_URL: 'smtp://zielmonitor:streng-geheim@mail.example:587', MAIL_FROM: '' },
    });
    await expect(start).rejects.toThrow(
      /Zielmonitor startet nicht: .*MAIL_FROM: fehlt: mit SMTP_URL muss auch die Absenderadresse MAIL_FROM gesetzt sein/,
    );
    await expect(start).rejects.not.toThrow(/streng-geheim|at loadConfig/);
  });

  it('starts its sender with the server, says so in /api/about, and stops cleanly', async () => {
    const smtp = await startSmtpServer();
    const databasePath = path.join(dir, 'mail.sqlite');
    // Queued before the start, as after a restart: the loop sends it without being woken.
    const db = openDatabase(databasePath);
    const repos = createRepositories(db);
    db.transaction(() => createOutbox(MAIL_FROM, () => {}).enqueue({ db, repos }, reminder('before-start')))();
    db.close();

    const server = await startServer({ databasePath, env: { SMTP_URL: smtp.url, MAIL_FROM } });
    try {
      const about = (await (await fetch(`${server.url}/api/about`)).json()) as { mailConfigured: boolean };
      expect(about.mailConfigured).toBe(true);
      const [arrived] = await smtp.waitFor(1);
      expect(arrived?.envelopeTo).toEqual(['kim.kaiser@mhkbd.nrw.example']);
    } finally {
      await server.stop();
      await smtp.close();
    }
    expect(server.child.exitCode).toBe(0);
    // The server logs at warn and above here: no warning or error from the mail sender.
    expect(server.output()).not.toMatch(/"component":"mail"/);
  }, 60_000);
});
