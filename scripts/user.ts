/**
 * User administration for Zielmonitor (honours DATABASE_PATH, PUBLIC_ORIGIN, SMTP_URL, MAIL_FROM,
 * MFA_REQUIRED); the same service as the administration's pages (server/src/services/accounts.ts):
 *   npm run user -- add --email E --name N --role admin|controller|reviewer [--ressort CODE[,CODE]] --password-stdin
 *   npm run user -- invite --email E --name N --role … [--ressort …]   (link by mail, or printed once)
 *   npm run user -- list
 *   npm run user -- disable|enable|end-sessions|reset-second-factor --email E
 *   npm run user -- reset-password --email E --password-stdin
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Role } from '@zielmonitor/shared/schemas/auth';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { loadConfig, mailSettings, type Config } from '../server/src/config.ts';
import { openDatabase, type Db } from '../server/src/db/database.ts';
import { AppError } from '../server/src/lib/errors.ts';
import { createOutbox } from '../server/src/mail/outbox.ts';
import { createRepositories } from '../server/src/repositories/index.ts';
import { CLI_ACTOR, type AccountContext } from '../server/src/services/account-context.ts';
import {
  addUserWithPassword,
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

const NewArgs = z.object({
  email: z.email({ error: '--email: gültige E-Mail-Adresse erwartet' }),
  name: z.string().trim().min(1, { error: '--name fehlt' }),
  role: Role,
  ressort: z.string().optional(),
});

const usage = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  new UsageError(issues.map((i) => `${i.path.map(String).join('.') || 'Argumente'}: ${i.message}`).join('\n'));

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
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const account = () => {
    const user = values.email ? ctx.repos.users.findByEmail(values.email) : undefined;
    if (!user) throw new UsageError('--email: kein solches Konto');
    return findAccount(ctx.repos, user.id);
  };
  const newAccount = () => {
    const parsed = NewArgs.safeParse(values);
    if (!parsed.success) throw usage(parsed.error.issues);
    const ressorts = (parsed.data.ressort ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    return { email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, ressorts };
  };
  const scope = (role: string, ressorts: string[]) =>
    `${roleLabel(role)}${ressorts.length ? `: ${ressorts.join(', ')}` : ''}`;

  switch (command) {
    case 'add': {
      const body = newAccount();
      if (!values['password-stdin'])
        throw new UsageError('--password-stdin fehlt (Passwörter nie als Argument übergeben)');
      const password = await readPassword();
      await addUserWithPassword(ctx, CLI_ACTOR, body, password);
      out(`Angelegt: ${body.email} (${scope(body.role, body.ressorts)})`);
      return;
    }
    case 'invite': {
      const body = newAccount();
      const { link } = inviteUser(ctx, CLI_ACTOR, body);
      out(`Eingeladen: ${body.email} (${scope(body.role, body.ressorts)})`);
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
            u.ressorts.join(',') || '-',
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
      await setPassword(ctx, CLI_ACTOR, user.id, await readPassword());
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
