import fp from 'fastify-plugin';
import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { createRepositories, type Repositories } from '../repositories/index.ts';
import { seedIfEmpty } from '../seed/load-seed.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    repos: Repositories;
  }
}

export type DbPluginOptions = { databasePath: string; seedDir: string | null };

/** Opens the database, applies migrations, seeds an empty one, decorates the app and closes on shutdown. */
export const dbPlugin = fp<DbPluginOptions>(
  async (app, opts) => {
    const db = openDatabase(opts.databasePath);
    if (opts.seedDir !== null && seedIfEmpty(db, opts.seedDir)) {
      app.log.info({ databasePath: opts.databasePath, seedDir: opts.seedDir }, 'seeded empty database');
    }
    app.decorate('db', db);
    app.decorate('repos', createRepositories(db));
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'db' },
);
