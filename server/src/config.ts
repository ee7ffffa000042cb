import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseMailbox } from './mail/mailbox.ts';
import { DEFAULT_LICENSE, LICENSE_URIS } from './lib/licenses.ts';

/** Repository root: server/src/config.ts lives two levels below it, and so does the bundle server/dist/server.js. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** An empty variable (`SMTP_URL=` in a compose file) means "not set". */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const ConfigSchema = z
  .object({
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
    /** Licence of every export and of the DCAT catalogue: a URI of the DCAT-AP.de licence list. */
    DATA_LICENSE: z.enum(LICENSE_URIS).default(DEFAULT_LICENSE),
    /** Benchmarks: print the longest event-loop block as JSON on shutdown. */
    REPORT_EVENT_LOOP: z.enum(['0', '1']).default('0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Vier-Augen-Prinzip: government reports count only once a second person released them. */
    REVIEW_REQUIRED: z
      .enum(['true', 'false', '1', '0', 'on', 'off'], { error: 'true oder false erwartet' })
      .default('true')
      .transform((v) => v === 'true' || v === '1' || v === 'on'),
    /**
     * The address the public uses, e.g. https://zielmonitor.landtag.example: every absolute link is
     * built from it, the Origin check compares with it, and with https cookies are Secure and HSTS is
     * sent. Without it links use the listening address, never the request's Host.
     */
    PUBLIC_ORIGIN: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return undefined;
        const origin = parseOrigin(value);
        if (origin === null) {
          ctx.addIssue({
            code: 'custom',
            message: 'erwartet nur Schema, Host und ggf. Port, z. B. https://zielmonitor.landtag.example',
          });
          return z.NEVER;
        }
        return origin;
      }),
    /**
     * Reverse proxies whose X-Forwarded-For/-Proto are believed: a hop count (1 = the one nginx in
     * front) or a comma-separated list of addresses/CIDR ranges (`loopback` = 127.0.0.1/8 and ::1).
     * Unset: no proxy is trusted and every client is the address that connected.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === '') return undefined;
        const parsed = parseTrustProxy(value);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        return parsed;
      }),
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
  })
  .superRefine((config, ctx) => {
    if (config.SMTP_URL !== undefined && config.MAIL_FROM === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'fehlt: mit SMTP_URL muss auch die Absenderadresse MAIL_FROM gesetzt sein',
      });
    }
    // Behind a proxy the listening address is not what browsers see: links, the Origin check and
    // Secure cookies would all be wrong. The one must not come without the other.
    if (config.TRUST_PROXY !== undefined && config.PUBLIC_ORIGIN === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_ORIGIN'],
        message:
          'hinter einem Proxy (TRUST_PROXY) muss die öffentliche Adresse gesetzt sein, z. B. https://zielmonitor.landtag.example',
      });
    }
  });
export type Config = z.infer<typeof ConfigSchema>;

/** Fastify's trustProxy as this product allows it: a hop count or an address list, never `true`. */
export type TrustProxy = number | string[];

/** `https://host[:port]` without path, query, fragment or credentials, normalised; else null. */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!bare || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  return url.origin;
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** The hop count or address list, or the problem in German. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? hops : 'Anzahl der Proxys zwischen 1 und 10 erwartet';
  }
  if (text === 'true' || text === '*')
    return 'jedem Absender zu vertrauen ließe jeden Client seine Adresse fälschen: Anzahl oder Adressen angeben';
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => {
    if (NAMED_RANGES.has(entry)) return false;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = net.isIP(address);
    if (family === 0 || rest.length > 0) return true;
    return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return bad.length === 0 ? entries : `keine Adresse oder kein Adressbereich: ${bad.join(', ')}`;
}

export class ConfigError extends Error {}

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Ungültige Konfiguration: ${problems}`);
  }
  return parsed.data;
}

export type MailSettings = { smtpUrl: string; from: string };

/** The mail settings, or null when mail is not configured (loadConfig refuses SMTP_URL without MAIL_FROM). */
export function mailSettings(config: Config): MailSettings | null {
  if (config.SMTP_URL === undefined || config.MAIL_FROM === undefined) return null;
  return { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM };
}
