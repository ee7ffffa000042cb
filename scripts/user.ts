/**
 * User administration for Zielmonitor (honours DATABASE_PATH):
 *   npm run user -- add --email E --name N --role admin|controller|reviewer [--ressort CODE[,CODE]] --password-stdin
 *   npm run user -- list
 *   npm run user -- disable --email E
 *   npm run user -- reset-password --email E --password-stdin
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Role } from '@zielmonitor/shared/schemas/auth';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase, type Db } from '../server/src/db/database.ts';
import { hashPassword } from '../server/src/lib/passwords.ts';
import { passwordProblem } from '../server/src/lib/password-policy.ts';
import { createRepositories } from '../server/src/repositories/index.ts';
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

const AddArgs = z.object({
  email: z.email({ error: '--email: gültige E-Mail-Adresse erwartet' }),
  name: z.string().trim().min(1, { error: '--name fehlt' }),
  role: Role,
  ressort: z.string().optional(),
  'password-stdin': z.literal(true, { error: '--password-stdin fehlt (Passwörter nie als Argument übergeben)' }),
});

export async function run(argv: string[], db: Db, out: (line: string) => void): Promise<void> {
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
  const repos = createRepositories(db);
  const audit = (action: string, entityId: string, before: unknown, after: unknown) =>
    repos.audit.append({ actorId: null, actor: 'cli', action, entityType: 'user', entityId, before, after, ip: null });

  switch (command) {
    case 'add': {
      const parsed = AddArgs.safeParse(values);
      if (!parsed.success)
        throw new UsageError(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'Argumente'}: ${i.message}`).join('\n'),
        );
      const { email, name, role } = parsed.data;
      const ressorts = (parsed.data.ressort ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      if ((role === 'controller' || role === 'reviewer') && ressorts.length === 0)
        throw new UsageError(
          `--ressort: ${role === 'controller' ? 'ein Controller' : 'eine Prüferin oder ein Prüfer'} braucht mindestens ein Ressort`,
        );
      const unknown = ressorts.filter((code) => !repos.ressorts.exists(code));
      if (unknown.length > 0) throw new UsageError(`--ressort: unbekannt: ${unknown.join(', ')}`);
      if (repos.users.findByEmail(email)) throw new UsageError(`--email: ${email} gibt es schon`);
      const password = await readPassword();
      const problem = passwordProblem(password, { email, name });
      if (problem) throw new UsageError(`Passwort: ${problem}`);
      const passwordHash = await hashPassword(password);
      db.transaction(() => {
        const id = repos.users.create({ email, name, role, ressorts, passwordHash }, new Date().toISOString());
        audit('user.add', String(id), null, { email, name, role, ressorts });
      })();
      out(`Angelegt: ${email} (${role}${ressorts.length ? `: ${ressorts.join(', ')}` : ''})`);
      return;
    }
    case 'list': {
      for (const u of repos.users.list()) {
        out(
          [
            u.email,
            u.name,
            u.role,
            u.ressorts.join(',') || '-',
            u.disabledAt ? `gesperrt seit ${u.disabledAt}` : 'aktiv',
          ].join('\t'),
        );
      }
      return;
    }
    case 'disable': {
      const user = values.email ? repos.users.findByEmail(values.email) : undefined;
      if (!user) throw new UsageError('--email: kein solches Konto');
      db.transaction(() => {
        repos.users.disable(user.id, new Date().toISOString());
        repos.sessions.removeForUser(user.id);
        audit('user.disable', String(user.id), { disabledAt: user.disabledAt }, { disabledAt: 'now' });
      })();
      out(`Gesperrt: ${user.email} (alle Sitzungen beendet)`);
      return;
    }
    case 'reset-password': {
      const user = values.email ? repos.users.findByEmail(values.email) : undefined;
      if (!user) throw new UsageError('--email: kein solches Konto');
      if (!values['password-stdin']) throw new UsageError('--password-stdin fehlt');
      const password = await readPassword();
      const problem = passwordProblem(password, { email: user.email, name: user.name });
      if (problem) throw new UsageError(`Passwort: ${problem}`);
      const hash = await hashPassword(password);
      db.transaction(() => {
        repos.users.setPasswordHash(user.id, hash);
        repos.sessions.removeForUser(user.id);
        audit('user.reset-password', String(user.id), null, { passwordChanged: true });
      })();
      out(`Passwort neu gesetzt: ${user.email} (alle Sitzungen beendet)`);
      return;
    }
    default:
      throw new UsageError('Befehle: add, list, disable, reset-password (siehe Kopf von scripts/user.ts)');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_PATH);
  try {
    seedIfEmpty(db, config.SEED_DIR);
    await run(process.argv.slice(2), db, (line) => console.log(line));
  } catch (err) {
    console.error(err instanceof UsageError || err instanceof TypeError ? err.message : err);
    process.exitCode = 2;
  } finally {
    db.close();
  }
}
