import crypto from 'node:crypto';
import type { LoginStep, SecondStepMethod } from '@zielmonitor/shared/schemas/auth';
import type { Db } from '../db/database.ts';

type SessionRow = {
  id_hash: string;
  public_id: string;
  user_id: number;
  stage: LoginStep;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  method: SecondStepMethod | null;
  challenge: string | null;
  challenge_expires_at: string | null;
};

export type StoredSession = {
  idHash: string;
  publicId: string;
  userId: number;
  stage: LoginStep;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  method: SecondStepMethod | null;
};

const toSession = (row: SessionRow): StoredSession => ({
  idHash: row.id_hash,
  publicId: row.public_id,
  userId: row.user_id,
  stage: row.stage,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  ip: row.ip,
  userAgent: row.user_agent,
  method: row.method,
});

export const hashSessionId = (id: string): string => crypto.createHash('sha256').update(id).digest('base64url');

export type NewSession = {
  stage?: LoginStep;
  userAgent?: string | null;
  method?: SecondStepMethod | null;
};

export function createSessionsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO sessions
    (id_hash, public_id, user_id, stage, created_at, last_seen_at, expires_at, ip, user_agent, method)
    VALUES (@idHash, @publicId, @userId, @stage, @now, @now, @expiresAt, @ip, @userAgent, @method)`);
  const find = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeOthers = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?');
  const removeByPublicId = db.prepare('DELETE FROM sessions WHERE user_id = ? AND public_id = ?');
  const removeAll = db.prepare('DELETE FROM sessions');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?');
  const forUser = db.prepare<[number], SessionRow>(
    "SELECT * FROM sessions WHERE user_id = ? AND stage = 'signed-in' ORDER BY last_seen_at DESC",
  );
  const countSignedIn = db
    .prepare<[number, string], number>(
      "SELECT count(*) FROM sessions WHERE user_id = ? AND stage = 'signed-in' AND expires_at > ?",
    )
    .pluck();
  const setChallenge = db.prepare('UPDATE sessions SET challenge = ?, challenge_expires_at = ? WHERE id_hash = ?');
  const challengeOf = db.prepare<[string], { challenge: string | null; challenge_expires_at: string | null }>(
    'SELECT challenge, challenge_expires_at FROM sessions WHERE id_hash = ?',
  );

  return {
    /** Creates a session and returns its id: 256 random bits, only its hash is stored. */
    create(userId: number, now: Date, absoluteMs: number, ip: string, extra: NewSession = {}): string {
      const id = crypto.randomBytes(32).toString('base64url');
      insert.run({
        idHash: hashSessionId(id),
        publicId: crypto.randomBytes(12).toString('base64url'),
        userId,
        stage: extra.stage ?? 'signed-in',
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + absoluteMs).toISOString(),
        ip,
        userAgent: extra.userAgent?.slice(0, 300) ?? null,
        method: extra.method ?? null,
      });
      return id;
    },
    find: (id: string): StoredSession | undefined => {
      const row = find.get(hashSessionId(id));
      return row && toSession(row);
    },
    touch: (id: string, now: Date): void => {
      touch.run(now.toISOString(), hashSessionId(id));
    },
    remove: (id: string): void => {
      remove.run(hashSessionId(id));
    },
    removeForUser: (userId: number): number => removeForUser.run(userId).changes,
    /** Every session of the account but the one with this cookie value. */
    removeOthers: (userId: number, keepId: string): number => removeOthers.run(userId, hashSessionId(keepId)).changes,
    removeByPublicId: (userId: number, publicId: string): boolean =>
      removeByPublicId.run(userId, publicId).changes === 1,
    /** The account's signed-in sessions, most recently used first. */
    listForUser: (userId: number): StoredSession[] => forUser.all(userId).map(toSession),
    countSignedIn: (userId: number, now: Date): number => countSignedIn.get(userId, now.toISOString()) ?? 0,
    /** Sessions past their absolute expiry or idle too long; returns how many. */
    removeExpired: (now: Date, idleMs: number): number =>
      removeExpired.run(now.toISOString(), new Date(now.getTime() - idleMs).toISOString()).changes,
    /** Every session: after a restore none may outlive it. */
    removeAll: (): number => removeAll.run().changes,
    /** Remembers the WebAuthn challenge handed to this session; a new one replaces the old. */
    setChallenge: (id: string, challenge: string, expiresAt: Date): void => {
      setChallenge.run(challenge, expiresAt.toISOString(), hashSessionId(id));
    },
    /** The challenge, once: it is cleared as it is read, so no answer can be replayed. */
    takeChallenge: (id: string, now: Date): string | null => {
      const row = challengeOf.get(hashSessionId(id));
      setChallenge.run(null, null, hashSessionId(id));
      if (!row?.challenge || !row.challenge_expires_at || row.challenge_expires_at <= now.toISOString()) return null;
      return row.challenge;
    },
  };
}
