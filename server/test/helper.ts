import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.ts';
import { repoRoot } from '../src/config.ts';

export const seedDir = path.join(repoRoot, 'data');

export type TestApp = { app: App; databasePath: string; close: () => Promise<void> };

/** The production app on a fresh SQLite file with the real migrations and the real seed. */
export async function createTestApp(options: { seed?: boolean } = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-test-'));
  const databasePath = path.join(dir, 'test.sqlite');
  const app = await buildApp({
    databasePath,
    seedDir: options.seed === false ? null : seedDir,
    clientDist: null,
  });
  await app.ready();
  return {
    app,
    databasePath,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads one of the seed files, for tests that compare the API with its source data. */
export function readSeedFile<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8')) as T;
}
