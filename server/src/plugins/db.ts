import fp from 'fastify-plugin';
import type { Db } from '../db/database.ts';
import { openDatabase, probeWrite } from '../db/database.ts';
import { isBusy, isUnwritable } from '../lib/sqlite-errors.ts';
import { createRepositories, type Repositories } from '../repositories/index.ts';
import { seedIfEmpty } from '../seed/load-seed.ts';

/** Whether the database can be written, as last proven; /api/health reports it. */
type DatabaseHealth = { readonly writable: boolean; check: () => boolean; markUnwritable: () => void };

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    repos: Repositories;
    databaseHealth: DatabaseHealth;
  }
}

export type DbPluginOptions = { databasePath: string; seedDir: string | null };

/** Refusing to start, with what the operator has to do; server.ts prints the message alone. */
export class StartupError extends Error {}

const unwritableMessage = (file: string, err: unknown) =>
  `Die Datenbank ${file} ist nicht beschreibbar (${(err as { code?: string }).code ?? String(err)}); ` +
  'jede Anmeldung und jede Meldung würde scheitern. Die Datei, ihre -wal- und ' +
  '-shm-Dateien und ihr Ordner müssen dem Dienstkonto gehören und beschreibbar sein (systemd: ReadWritePaths).';

/** At most one probe per interval, however often /api/health is asked. */
const PROBE_INTERVAL_MS = 5_000;

/**
 * Opens the database, applies migrations, seeds an empty one, proves it can be written (else
 * refuses to start), decorates the app and closes on shutdown.
 */
export const dbPlugin = fp<DbPluginOptions>(
  async (app, opts) => {
    let db: Db;
    try {
      db = openDatabase(opts.databasePath);
      probeWrite(db);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (isUnwritable(err) || ['EACCES', 'EPERM', 'EROFS'].includes(code))
        throw new StartupError(unwritableMessage(opts.databasePath, err));
      throw err;
    }
    if (opts.seedDir !== null && seedIfEmpty(db, opts.seedDir)) {
      app.log.info({ databasePath: opts.databasePath, seedDir: opts.seedDir }, 'seeded empty database');
    }
    let writable = true;
    let probedAt = Date.now();
    const health: DatabaseHealth = {
      get writable() {
        return writable;
      },
      check() {
        if (Date.now() - probedAt < PROBE_INTERVAL_MS) return writable;
        probedAt = Date.now();
        try {
          probeWrite(db);
          writable = true;
        } catch (err) {
          // Locked by a backup or restore for a moment: that is no reason to take the server out.
          if (!isBusy(err)) {
            app.log.error({ err }, 'database cannot be written');
            writable = false;
          }
        }
        return writable;
      },
      markUnwritable() {
        writable = false;
        probedAt = 0;
      },
    };
    app.decorate('db', db);
    app.decorate('repos', createRepositories(db));
    app.decorate('databaseHealth', health);
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'db' },
);
