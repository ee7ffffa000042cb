import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from '../config.ts';

export type Db = Database.Database;

const migrationsDir = path.join(repoRoot, 'server', 'migrations');

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 200;

/** Owner-only: the database holds password hashes, session hashes and the audit log's addresses. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Creates the database file owner-only before SQLite does (SQLite would create it 0644, and gives
 * its -wal and -shm files the database file's permissions), and takes group and world access away
 * from an existing one and its -wal/-shm, which an older version created 0644. A folder it creates
 * is 0700; an existing folder is left as the operator made it.
 */
function createPrivately(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, PRIVATE_FILE);
    } catch {
      // Not there (yet), or not ours to change: SQLite reports what it cannot open.
    }
  }
}

/**
 * Proves that this connection can write: a real commit to a one-row table (a rolled-back write
 * never reaches the file, so it would not notice a read-only mount or a full disk). Throws the
 * SQLite error otherwise.
 */
export function probeWrite(db: Db): void {
  db.prepare('INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at').run(
    new Date().toISOString(),
  );
}

/** SQLite's numeric value for synchronous=FULL. */
const SYNCHRONOUS_FULL = 2;

/**
 * Opens the database with the durability settings the product promises and applies
 * pending migrations. better-sqlite3 is built with WAL defaulting to synchronous=NORMAL,
 * which can lose committed transactions on power loss: FULL is set and then checked.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') createPrivately(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Short: SQLite waits for a lock by sleeping on the event loop's thread. Beyond this a write
  // answers 503 with Retry-After (plugins/errors.ts) instead of freezing every request for seconds.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Reads of a large history go through memory-mapped pages and a 64 MiB page cache instead
  // of a read() call per page; durability is unaffected (writes still go through the WAL).
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -65536');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== SYNCHRONOUS_FULL) {
    db.close();
    throw new Error(`SQLite synchronous is ${String(synchronous)}, expected FULL (2)`);
  }
  migrate(db);
  return db;
}

/** Applies each not yet applied migrations/NNN-name.sql in order, each in its own transaction. */
export function migrate(db: Db): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    // A migration that rebuilds a table others refer to runs with foreign keys off (SQLite's
    // documented procedure; the pragma is ignored inside a transaction) and checks them all before
    // it commits.
    const foreignKeysOff = sql.startsWith('-- foreign_keys: off');
    if (foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(sql);
        if (foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`${file}: ${broken.length} foreign key violations`);
        }
        record.run(file, new Date().toISOString());
      })();
    } finally {
      if (foreignKeysOff) db.pragma('foreign_keys = ON');
    }
    newlyApplied.push(file);
  }
  return newlyApplied;
}
