/**
 * SQLite's answers when another connection holds the lock (a backup, a restore, the user CLI),
 * after the busy timeout: the request may simply be repeated.
 */
const BUSY = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
]);

/** The file or its folder cannot be written (read-only mount, permissions, full disk). */
const UNWRITABLE = new Set([
  'SQLITE_READONLY',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_CANTINIT',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTLOCK',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);

const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';

export const isBusy = (err: unknown): boolean => BUSY.has(codeOf(err));
export const isUnwritable = (err: unknown): boolean =>
  UNWRITABLE.has(codeOf(err)) || codeOf(err).startsWith('SQLITE_IOERR');

/**
 * Runs a write that a read does on the side (a session's last-seen time, removing an expired
 * session): when the database is locked it is skipped, so that a read is never refused for it.
 */
export function unlessBusy(write: () => void): void {
  try {
    write();
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
}
