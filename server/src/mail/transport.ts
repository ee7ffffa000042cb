/**
 * Short limits: the sender runs in the server process, and a mail server that does not answer
 * must not hold a message (or shutdown) for minutes. Together they stay well inside the lease
 * a message is claimed for (sender.ts), so one try never overlaps the next.
 */
const SMTP_TIMEOUTS = {
  dnsTimeout: 5_000,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type SmtpTransport = Awaited<ReturnType<typeof createSmtpTransport>>;

/**
 * A pooled SMTP transport for SMTP_URL; `close()` it on shutdown. Across a network, smtp:// must upgrade with STARTTLS before the
 * password is sent (requireTLS); a relay on the same machine may talk plain SMTP. Options in the
 * URL's query win (`?requireTLS=false` for an internal relay without TLS).
 */
export async function createSmtpTransport(smtpUrl: string) {
  // Loaded only when mail is configured: an installation without mail does not pay for it at start-up.
  const { default: nodemailer } = await import('nodemailer');
  const { hostname } = new URL(smtpUrl);
  return nodemailer.createTransport({
    url: smtpUrl,
    // One connection, reused for the messages that are due together (a digest to many subscribers
    // is one login instead of hundreds); the sender still hands over one message at a time.
    pool: true,
    maxConnections: 1,
    idleTimeout: 30_000,
    ...SMTP_TIMEOUTS,
    requireTLS: !LOOPBACK.has(hostname),
    // Our messages carry their text inline: nothing may make the mailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

type SmtpFailure = { code?: unknown; responseCode?: unknown; message?: unknown };

const failureOf = (err: unknown): SmtpFailure => (typeof err === 'object' && err !== null ? err : {});

/**
 * Whether retrying cannot help: the server refused the recipients or the message itself with a
 * 5xx answer. A 5xx at login (a wrong password) is not permanent for the message: once the
 * operator fixes the setting, it goes out with the next try.
 */
export function isPermanentFailure(err: unknown): boolean {
  const { code, responseCode } = failureOf(err);
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600
  );
}

/** The failure as stored in last_error and logged: SMTP answer or network error, credentials cut out. */
export function describeFailure(err: unknown, smtpUrl: string): string {
  const { code, message } = failureOf(err);
  const text = `${typeof code === 'string' ? `${code}: ` : ''}${typeof message === 'string' ? message : String(err)}`;
  return redactCredentials(text, smtpUrl).slice(0, 500);
}

/** Removes the password of SMTP_URL (as written and decoded) from a text. */
function redactCredentials(text: string, smtpUrl: string): string {
  const { password } = new URL(smtpUrl);
  return [password, safeDecode(password)]
    .filter((secret) => secret.length > 0)
    .reduce((redacted, secret) => redacted.split(secret).join('***'), text);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
