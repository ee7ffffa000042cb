import crypto from 'node:crypto';
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
export function openDatabase(file: string, options: { migrationsDir?: string } = {}): Db {
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
  try {
    migrate(db, options.migrationsDir);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** NNN-name.sql: three digits, then lower-case words joined by hyphens. */
const MIGRATION_NAME = /^\d{3}-[a-z0-9-]+\.sql$/;

/** sha256 of a migration as written, line endings normalised (a checkout with CRLF is the same file). */
const checksumOf = (sql: string) => crypto.createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

/**
 * Applies each not yet applied migrations/NNN-name.sql in order, each in its own transaction, and
 * refuses to start on a migrations folder it cannot trust: a file not named NNN-name.sql (it would
 * be skipped silently), two files with one number, an applied migration that changed since (its
 * checksum is recorded), or one that is gone.
 */
export function migrate(db: Db, dir: string = migrationsDir): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, applied_at TEXT NOT NULL, checksum TEXT) STRICT`);
  // Databases from before checksums: the column is added, and filled below from the files as they are.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(schema_migrations)').all();
  if (!columns.some((c) => c.name === 'checksum')) db.exec('ALTER TABLE schema_migrations ADD COLUMN checksum TEXT');

  const files = fs.readdirSync(dir).sort();
  const misnamed = files.filter((f) => !MIGRATION_NAME.test(f));
  if (misnamed.length > 0) {
    throw new Error(
      `Migrations folder ${dir}: ${misnamed.join(', ')} not named NNN-name.sql (e.g. 007-audit-index.sql); rename or remove before starting`,
    );
  }
  const numbers = files.map((f) => f.slice(0, 3));
  const repeated = files.filter((f, i) => numbers.indexOf(f.slice(0, 3)) !== i);
  if (repeated.length > 0) {
    throw new Error(`Migrations folder ${dir}: number used twice by ${repeated.join(', ')}; give each its own number`);
  }

  const applied = new Map(
    db
      .prepare<[], { name: string; checksum: string | null }>('SELECT name, checksum FROM schema_migrations')
      .all()
      .map((row) => [row.name, row.checksum]),
  );
  const missing = [...applied.keys()].filter((name) => !files.includes(name));
  if (missing.length > 0) {
    throw new Error(`Migration ${missing.join(', ')} was applied to this database but is missing from ${dir}`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at, checksum) VALUES (?, ?, ?)');
  const remember = db.prepare('UPDATE schema_migrations SET checksum = ? WHERE name = ?');
  const newlyApplied: string[] = [];
  for (const file of files) {
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    const checksum = checksumOf(sql);
    if (applied.has(file)) {
      const recorded = applied.get(file);
      if (recorded === null || recorded === undefined) remember.run(checksum, file);
      else if (recorded !== checksum) {
        throw new Error(
          `Migration ${file} was changed after it was applied to this database (checksum ${recorded.slice(0, 12)}… recorded, ${checksum.slice(0, 12)}… now). Applied migrations are never edited: restore the file and add a new migration for the change`,
        );
      }
      continue;
    }
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
        record.run(file, new Date().toISOString(), checksum);
      })();
    } finally {
      if (foreignKeysOff) db.pragma('foreign_keys = ON');
    }
    newlyApplied.push(file);
  }
  return newlyApplied;
}
