import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';

type SessionRow = { id_hash: string; user_id: number; created_at: string; last_seen_at: string; expires_at: string };

export const hashSessionId = (id: string): string => crypto.createHash('sha256').update(id).digest('base64url');

export function createSessionsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, ip)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const find = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeAll = db.prepare('DELETE FROM sessions');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?');

  return {
    /** Creates a session and returns its id: 256 random bits, only its hash is stored. */
    create(userId: number, now: Date, absoluteMs: number, ip: string): string {
      const id = crypto.randomBytes(32).toString('base64url');
      insert.run(
        hashSessionId(id),
        userId,
        now.toISOString(),
        now.toISOString(),
        new Date(now.getTime() + absoluteMs).toISOString(),
        ip,
      );
      return id;
    },
    find: (id: string): SessionRow | undefined => find.get(hashSessionId(id)),
    touch: (id: string, now: Date): void => {
      touch.run(now.toISOString(), hashSessionId(id));
    },
    remove: (id: string): void => {
      remove.run(hashSessionId(id));
    },
    removeForUser: (userId: number): void => {
      removeForUser.run(userId);
    },
    /** Sessions past their absolute expiry or idle too long; returns how many. */
    removeExpired: (now: Date, idleMs: number): number =>
      removeExpired.run(now.toISOString(), new Date(now.getTime() - idleMs).toISOString()).changes,
    /** Every session: after a restore none may outlive it. */
    removeAll: (): number => removeAll.run().changes,
  };
}
