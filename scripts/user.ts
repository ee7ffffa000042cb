/**
 * User administration for Zielmonitor (honours DATABASE_PATH, PUBLIC_ORIGIN, SMTP_URL, MAIL_FROM,
 * MFA_REQUIRED); the same service as the administration's pages (server/src/services/accounts.ts):
 *   npm run user -- add --email E --name N --role admin|controller|reviewer [--ressort CODE[,CODE]] --password-stdin
 *   npm run user -- add --email E --name N --role assessor --organisation "SPD-Fraktion im Landtag NRW" --password-stdin
 *   npm run user -- invite --email E --name N --role … [--ressort …|--organisation …]   (link by mail, or printed once)
 *   npm run user -- list
 *   npm run user -- disable|enable|end-sessions|reset-second-factor --email E
 *   npm run user -- reset-password --email E --password-stdin
 */
import { parseArgs } from 'node:util';
import { CreateUserBody } from '@zielmonitor/shared/schemas/accounts';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { loadConfig, mailSettings, type Config } from '../server/src/config.ts';
import { openDatabase, type Db } from '../server/src/db/database.ts';
import { AppError } from '../server/src/lib/errors.ts';
import { createOutbox } from '../server/src/mail/outbox.ts';
import { createRepositories } from '../server/src/repositories/index.ts';
import { CLI_ACTOR, type AccountContext } from '../server/src/services/account-context.ts';
import {
  addUserWithPassword,
  checkNewAccount,
  disableUser,
  enableUser,
  endSessions,
  findAccount,
  inviteUser,
  listUsers,
  resetSecondFactor,
  setPassword,
} from '../server/src/services/accounts.ts';
import { passkeysAvailable } from '../server/src/services/passkeys.ts';
import { seedIfEmpty } from '../server/src/seed/load-seed.ts';

class UsageError extends Error {}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError(
      '--password-stdin liest das Passwort von der Standardeingabe, z. B.: printf %s "$PW" | npm run user -- …',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The option that carries a field of the account body, for messages that name what to fix. */
const OPTION: Record<string, string> = { ressorts: '--ressort', organisation: '--organisation', password: 'Passwort' };
const option = (field: PropertyKey | undefined) =>
  field === undefined ? 'Argumente' : (OPTION[String(field)] ?? `--${String(field)}`);

const usage = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  new UsageError(issues.map((i) => `${option(i.path[0])}: ${i.message}`).join('\n'));

/** The service's refusals name body fields; on the command line they name the option instead. */
async function asUsage<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof AppError && err.issues?.length)
      throw usage(err.issues.map((issue) => ({ path: [issue.field], message: issue.message })));
    throw err;
  }
}

/** The account services' context for the command line: links point to PUBLIC_ORIGIN (else the default address). */
export function cliContext(db: Db, config: Config): AccountContext {
  const origin = config.PUBLIC_ORIGIN ?? `http://${config.HOST}:${config.PORT}`;
  const settings = mailSettings(config);
  // Queued here, sent by the running server's mail loop (it looks for due mail every few seconds).
  const mail = settings
    ? { configured: true as const, enqueue: createOutbox(settings.from, () => {}).enqueue }
    : { configured: false as const };
  return {
    db,
    repos: createRepositories(db),
    mail,
    origin,
    policy: { mfaRequired: config.MFA_REQUIRED, passkeysAvailable: passkeysAvailable(origin) },
  };
}

export async function run(argv: string[], ctx: AccountContext, out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      ressort: { type: 'string' },
      organisation: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const account = () => {
    const user = values.email ? ctx.repos.users.findByEmail(values.email) : undefined;
    if (!user) throw new UsageError('--email: kein solches Konto');
    return findAccount(ctx.repos, user.id);
  };
  // The same schema and checks as the administration's invitation form, before a password is read.
  const newAccount = async () => {
    const parsed = CreateUserBody.safeParse({
      email: values.email,
      name: values.name,
      role: values.role,
      ressorts: (values.ressort ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      organisation: values.organisation,
    });
    if (!parsed.success) throw usage(parsed.error.issues);
    await asUsage(() => checkNewAccount(ctx.repos, parsed.data));
    return parsed.data;
  };
  const scope = (body: { role: string; ressorts: string[]; organisation?: string | null | undefined }) => {
    const where = body.organisation ?? body.ressorts.join(', ');
    return `${roleLabel(body.role)}${where ? `: ${where}` : ''}`;
  };

  switch (command) {
    case 'add': {
      const body = await newAccount();
      if (!values['password-stdin'])
        throw new UsageError('--password-stdin fehlt (Passwörter nie als Argument übergeben)');
      const password = await readPassword();
      await asUsage(() => addUserWithPassword(ctx, CLI_ACTOR, body, password));
      out(`Angelegt: ${body.email} (${scope(body)})`);
      return;
    }
    case 'invite': {
      const body = await newAccount();
      const { link } = inviteUser(ctx, CLI_ACTOR, body);
      out(`Eingeladen: ${body.email} (${scope(body)})`);
      out(
        link.url === null
          ? `Die Einladung geht per E-Mail an ${link.sentTo ?? body.email}; der Link gilt bis ${link.expiresAt}.`
          : `Ohne E-Mail-Versand: diesen Link einmal weitergeben (gilt einmal, bis ${link.expiresAt}):\n${link.url}`,
      );
      return;
    }
    case 'list': {
      const states = { invited: 'eingeladen', active: 'aktiv', disabled: 'gesperrt' } as const;
      for (const u of listUsers(ctx.repos)) {
        const factors = u.secondFactor.totp + u.secondFactor.passkeys;
        out(
          [
            u.email,
            u.name,
            u.role,
            u.organisation ?? (u.ressorts.join(',') || '-'),
            states[u.state],
            factors > 0 ? `zweiter Faktor: ${factors}` : 'ohne zweiten Faktor',
            u.lastLoginAt ? `zuletzt angemeldet ${u.lastLoginAt}` : 'nie angemeldet',
          ].join('\t'),
        );
      }
      return;
    }
    case 'disable': {
      const user = disableUser(ctx, CLI_ACTOR, account().id);
      out(`Gesperrt: ${user.email} (alle Sitzungen beendet)`);
      return;
    }
    case 'enable': {
      const user = enableUser(ctx, CLI_ACTOR, account().id);
      out(`Entsperrt: ${user.email}`);
      return;
    }
    case 'end-sessions': {
      const user = endSessions(ctx, CLI_ACTOR, account().id);
      out(`Alle Sitzungen beendet: ${user.email}`);
      return;
    }
    case 'reset-second-factor': {
      const user = resetSecondFactor(ctx, CLI_ACTOR, account().id);
      out(`Zweiter Faktor zurückgesetzt: ${user.email} (richtet bei der nächsten Anmeldung einen neuen ein)`);
      return;
    }
    case 'reset-password': {
      const user = account();
      if (!values['password-stdin']) throw new UsageError('--password-stdin fehlt');
      const password = await readPassword();
      await asUsage(() => setPassword(ctx, CLI_ACTOR, user.id, password));
      out(`Passwort neu gesetzt: ${user.email} (alle Sitzungen beendet)`);
      return;
    }
    default:
      throw new UsageError(
        'Befehle: add, invite, list, disable, enable, end-sessions, reset-second-factor, reset-password (siehe Kopf von scripts/user.ts)',
      );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_PATH);
  try {
    seedIfEmpty(db, config.SEED_DIR);
    await run(process.argv.slice(2), cliContext(db, config), (line) => console.log(line));
  } catch (err) {
    // The service's refusals (taken address, weak password, last administrator) are sentences for people.
    const known = err instanceof UsageError || err instanceof TypeError || err instanceof AppError;
    console.error(known ? err.message : err);
    process.exitCode = 2;
  } finally {
    db.close();
  }
}
