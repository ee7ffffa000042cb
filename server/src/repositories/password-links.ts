import type { LinkPurpose } from '@zielmonitor/shared/schemas/accounts';
import type { Db } from '../db/database.ts';

type LinkRow = {
  id: number;
  user_id: number;
  purpose: LinkPurpose;
  token_hash: string;
  created_at: string;
  created_by: number | null;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
};

export type StoredLink = {
  id: number;
  userId: number;
  purpose: LinkPurpose;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
};

const toLink = (row: LinkRow): StoredLink => ({
  id: row.id,
  userId: row.user_id,
  purpose: row.purpose,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

/** Invitation and reset links (migration 020): only the token's hash is stored. */
export function createPasswordLinksRepository(db: Db) {
  const insert =
    db.prepare(`INSERT INTO password_links (user_id, purpose, token_hash, created_at, created_by, expires_at)
    VALUES (@userId, @purpose, @tokenHash, @createdAt, @createdBy, @expiresAt)`);
  const byHash = db.prepare<[string], LinkRow>('SELECT * FROM password_links WHERE token_hash = ?');
  const revokeOpen = db.prepare(
    'UPDATE password_links SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL',
  );
  // Used once: the condition makes a second, racing use change nothing.
  const use = db.prepare(
    'UPDATE password_links SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
  );
  const openFor = db.prepare<[number, string], LinkRow>(
    `SELECT * FROM password_links WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
     ORDER BY id DESC LIMIT 1`,
  );
  const purge = db.prepare('DELETE FROM password_links WHERE expires_at <= ?');

  return {
    /** Call inside a transaction: every earlier open link of the account stops working. */
    create(link: {
      userId: number;
      purpose: LinkPurpose;
      tokenHash: string;
      createdBy: number | null;
      createdAt: Date;
      expiresAt: Date;
    }): void {
      revokeOpen.run(link.createdAt.toISOString(), link.userId);
      insert.run({ ...link, createdAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() });
    },
    findByHash: (tokenHash: string): StoredLink | undefined => {
      const row = byHash.get(tokenHash);
      return row && toLink(row);
    },
    use: (id: number, now: Date): boolean => use.run(now.toISOString(), id, now.toISOString()).changes === 1,
    revokeOpen: (userId: number, now: Date): number => revokeOpen.run(now.toISOString(), userId).changes,
    openLink: (userId: number, now: Date): StoredLink | undefined => {
      const row = openFor.get(userId, now.toISOString());
      return row && toLink(row);
    },
    /** Links expired before this moment (used or not): they can do nothing any more. */
    purgeExpiredBefore: (before: Date): number => purge.run(before.toISOString()).changes,
  };
}
