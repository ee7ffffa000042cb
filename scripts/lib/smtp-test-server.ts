import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export type ReceivedMail = { envelopeTo: string[]; parsed: ParsedMail };

/** An SMTP answer the test server gives instead of accepting, e.g. `{ code: 451, message: '…' }`. */
type Refusal = { code: number; message: string };

export type TestSmtpServer = {
  port: number;
  /** SMTP_URL for this server, with the credentials it checks. */
  url: string;
  received: ReceivedMail[];
  /** Decides per recipient whether to refuse it; null accepts. Replaceable during a test. */
  refuseRecipient: (address: string) => Refusal | null;
  /**
   * Keeps each message but never answers "250 OK": as if the connection broke just after the
   * server took the message, before the sender could record it as sent.
   */
  withholdAnswer: boolean;
  /** Resolves once `count` messages have arrived (the sender loop runs in the background). */
  waitFor: (count: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

const SMTP_USER = 'zielmonitor';
export const SMTP_PASSWORD = 'geheim/Passwort:42';

const refusal = (r: Refusal) => Object.assign(new Error(r.message), { responseCode: r.code });

/**
 * A real SMTP server in this process (smtp-server), plain SMTP on loopback with LOGIN/PLAIN
 * authentication; every accepted message is parsed with mailparser.
 */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const state: Pick<TestSmtpServer, 'refuseRecipient' | 'withholdAnswer'> = {
    refuseRecipient: () => null,
    withholdAnswer: false,
  };
  const server = new SMTPServer({
    logger: false,
    // No reverse DNS lookup of 127.0.0.1 for every connection.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: SMTP_USER });
      else callback(refusal({ code: 535, message: 'Authentication failed' }));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refused = state.refuseRecipient(address.address);
      callback(refused ? refusal(refused) : null);
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      simpleParser(stream).then(
        (parsed) => {
          received.push({ envelopeTo, parsed });
          for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
          if (!state.withholdAnswer) callback();
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A sender killed mid-conversation (the durability tests) resets its connection: expected. Any
  // other server error fails the test when the server is closed.
  const unexpected: Error[] = [];
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') unexpected.push(err);
  });
  const address = server.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('SMTP server has no port');
  return {
    port: address.port,
    url: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${address.port}`,
    received,
    get refuseRecipient() {
      return state.refuseRecipient;
    },
    set refuseRecipient(policy) {
      state.refuseRecipient = policy;
    },
    get withholdAnswer() {
      return state.withholdAnswer;
    },
    set withholdAnswer(withhold) {
      state.withholdAnswer = withhold;
    },
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve(received)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) })),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (unexpected.length > 0) throw new AggregateError(unexpected, 'the SMTP test server reported errors');
    },
  };
}
