import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseMailbox } from './mail/mailbox.ts';

/** Repository root: server/src/config.ts lives two levels below it, and so does the bundle server/dist/server.js. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** An empty variable (`SMTP_URL=` in a compose file) means "not set". */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'data', 'zielmonitor.sqlite')),
  SEED_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'client', 'dist')),
  /** Contact for accessibility feedback (BITV 2.0 § 7), shown on the accessibility statement. */
  FEEDBACK_EMAIL: z.email().optional(),
  OPERATOR_NAME: z.string().min(1).optional(),
  /** Benchmarks: print the longest event-loop block as JSON on shutdown. */
  REPORT_EVENT_LOOP: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Outgoing mail server; without it mail is not configured and the dashboard hides mail features. */
  SMTP_URL: z.preprocess(
    unsetIfEmpty,
    z
      .url({
        protocol: /^smtps?$/,
        hostname: /./,
        error: 'muss eine Adresse wie smtp://benutzer:passwort@mail.example:587 oder smtps://… sein',
      })
      .optional(),
  ),
  /** Sender of every mail, e.g. `Zielmonitor <zielmonitor@landtag.nrw.example>`. */
  MAIL_FROM: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => parseMailbox(value) !== null, {
        error: 'muss eine Absenderadresse sein, z. B. "Zielmonitor <zielmonitor@landtag.nrw.example>"',
      })
      .optional(),
  ),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Rules across variables. */
const CheckedConfigSchema = ConfigSchema.superRefine((config, ctx) => {
  if (config.SMTP_URL !== undefined && config.MAIL_FROM === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['MAIL_FROM'],
      message: 'fehlt: mit SMTP_URL muss auch die Absenderadresse MAIL_FROM gesetzt sein',
    });
  }
});

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export type MailSettings = { smtpUrl: string; from: string };

/** The mail settings, or null when mail is not configured (loadConfig refuses SMTP_URL without MAIL_FROM). */
export function mailSettings(config: Config): MailSettings | null {
  if (config.SMTP_URL === undefined || config.MAIL_FROM === undefined) return null;
  return { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM };
}
