import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LICENSE, LICENSE_URIS } from './lib/licenses.ts';

/** Repository root: server/src/config.ts lives two levels below it, and so does the bundle server/dist/server.js. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
  /** Licence of every export and of the DCAT catalogue: a URI of the DCAT-AP.de licence list. */
  DATA_LICENSE: z.enum(LICENSE_URIS).default(DEFAULT_LICENSE),
  /** Benchmarks: print the longest event-loop block as JSON on shutdown. */
  REPORT_EVENT_LOOP: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
