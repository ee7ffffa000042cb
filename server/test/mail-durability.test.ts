import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { LEASE_MS } from '../src/mail/sender.ts';
import { MAIL_FROM, mailOf } from './mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

const childScript = path.join(import.meta.dirname, 'mail-crash-child.ts');

type Child = { acknowledged: string[]; firstAck: Promise<void>; kill: () => Promise<void> };

/** The child queues mails (acknowledging each after commit) and sends them with its loop until killed. */
function startChild(tag: string, databasePath: string, smtp: TestSmtpServer): Child {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', childScript, tag], {
    env: { ...process.env, DATABASE_PATH: databasePath, SMTP_URL: smtp.url, MAIL_FROM, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstAck = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      acknowledged.push(...lines);
      if (acknowledged.length > 0) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before queueing:\n${stderr}`)));
  });
  return {
    acknowledged,
    firstAck,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

type Outcome = { missing: string[]; duplicated: string[]; foreignCopies: string[] };

/** Restarts on the same file, delivers everything due once the leases of cut-off tries ended, and compares. */
async function restartAndDeliver(databasePath: string, smtp: TestSmtpServer, acknowledged: string[]): Promise<Outcome> {
  const app = await buildApp({
    databasePath,
    seedDir: null,
    clientDist: null,
    mail: { smtpUrl: smtp.url, from: MAIL_FROM },
  });
  try {
    await mailOf(app).sendDue(new Date(Date.now() + LEASE_MS + 1000));
    expect(app.repos.mailQueue.list('pending')).toEqual([]);
    expect(app.repos.mailQueue.list('failed')).toEqual([]);
    expect(String(app.db.pragma('integrity_check', { simple: true }))).toBe('ok');
    const sent = new Map(app.repos.mailQueue.list('sent', 1_000_000).map((m) => [m.dedupeKey, m]));
    const copies = (key: string) => smtp.received.filter((m) => m.parsed.subject === key);
    return {
      missing: acknowledged.filter((key) => !sent.has(key) || copies(key).length === 0),
      duplicated: acknowledged.filter((key) => copies(key).length > 1),
      // Every copy carries the Message-ID of its queue entry: a repeat is recognisably the same message.
      foreignCopies: acknowledged.filter((key) =>
        copies(key).some((m) => m.parsed.messageId !== sent.get(key)?.messageId),
      ),
    };
  } finally {
    await app.close();
  }
}

describe('mail queue under SIGKILL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-mail-crash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged mail when the process is killed at a random moment', async () => {
    const smtp = await startSmtpServer();
    const databasePath = path.join(dir, 'random.sqlite');
    try {
      for (let round = 1; round <= 3; round++) {
        const child = startChild(`r${round}`, databasePath, smtp);
        await child.firstAck;
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 1200)));
        await child.kill();
        const outcome = await restartAndDeliver(databasePath, smtp, child.acknowledged);
        expect(child.acknowledged.length, `round ${round} queued nothing before the kill`).toBeGreaterThan(0);
        expect(outcome.missing).toEqual([]);
        expect(outcome.foreignCopies).toEqual([]);
      }
    } finally {
      await smtp.close();
    }
  }, 120_000);

  it('repeats a message the server took just before the kill, under the same Message-ID', async () => {
    const smtp = await startSmtpServer();
    smtp.withholdAnswer = true;
    try {
      const child = startChild('held', path.join(dir, 'held.sqlite'), smtp);
      const [held] = await smtp.waitFor(1);
      await child.kill();
      smtp.withholdAnswer = false;
      const outcome = await restartAndDeliver(path.join(dir, 'held.sqlite'), smtp, child.acknowledged);
      expect(outcome.missing).toEqual([]);
      expect(outcome.duplicated).toEqual([held?.parsed.subject]);
      expect(outcome.foreignCopies).toEqual([]);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
