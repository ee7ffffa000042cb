import type { Role, User } from '@zielmonitor/shared/schemas/auth';
import type { Db } from '../db/database.ts';

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  organisation: string | null;
  disabled_at: string | null;
  created_at: string;
  password_changed_at: string | null;
  last_login_at: string | null;
};

export type UserRecord = User & {
  passwordHash: string;
  disabledAt: string | null;
  createdAt: string;
  /** When a password was last set; null for an invited account that has none yet. */
  passwordChangedAt: string | null;
  lastLoginAt: string | null;
};

/** What an invited account holds as its hash: no scrypt string, so no password ever matches it. */
const NO_PASSWORD = '!';

export function createUsersRepository(db: Db) {
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY email');
  const ressortsOf = db
    .prepare<[number], string>('SELECT ressort_code FROM user_ressorts WHERE user_id = ? ORDER BY ressort_code')
    .pluck();
  const insert =
    db.prepare(`INSERT INTO users (email, name, role, password_hash, organisation, created_at, password_changed_at)
    VALUES (@email, @name, @role, @passwordHash, @organisation, @createdAt, @passwordChangedAt)`);
  const insertRessort = db.prepare('INSERT INTO user_ressorts (user_id, ressort_code) VALUES (?, ?)');
  const deleteRessorts = db.prepare('DELETE FROM user_ressorts WHERE user_id = ?');
  const disable = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL');
  const enable = db.prepare('UPDATE users SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL');
  const setHash = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?');
  const setName = db.prepare('UPDATE users SET name = ? WHERE id = ?');
  const setRole = db.prepare('UPDATE users SET role = ? WHERE id = ?');
  const setOrganisation = db.prepare('UPDATE users SET organisation = ? WHERE id = ?');
  const setLastLogin = db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?');
  const activeAdmins = db
    .prepare<[], number>("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL")
    .pluck();

  const toRecord = (row: UserRow): UserRecord => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    ressorts: ressortsOf.all(row.id),
    organisation: row.organisation,
    passwordHash: row.password_hash,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    lastLoginAt: row.last_login_at,
  });

  return {
    findByEmail: (email: string): UserRecord | undefined => {
      const row = byEmail.get(email.trim());
      return row && toRecord(row);
    },
    findById: (id: number): UserRecord | undefined => {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    list: (): UserRecord[] => all.all().map(toRecord),
    /**
     * Call inside a transaction: the user and their Ressorts are one write. Without a password
     * hash the account is invited: it has no password until its invitation link is used.
     */
    create(
      user: {
        email: string;
        name: string;
        role: Role;
        ressorts: string[];
        passwordHash: string | null;
        /** An assessor's organisation; none for the other roles. */
        organisation?: string | null;
      },
      now: string,
    ): number {
      const id = Number(
        insert.run({
          ...user,
          email: user.email.trim(),
          organisation: user.organisation ?? null,
          passwordHash: user.passwordHash ?? NO_PASSWORD,
          createdAt: now,
          passwordChangedAt: user.passwordHash === null ? null : now,
        }).lastInsertRowid,
      );
      user.ressorts.forEach((code) => insertRessort.run(id, code));
      return id;
    },
    /** Call inside a transaction: Ressorts are replaced as a whole. */
    update(
      id: number,
      change: {
        name?: string | undefined;
        role?: Role | undefined;
        ressorts?: string[] | undefined;
        organisation?: string | null | undefined;
      },
    ): void {
      if (change.name !== undefined) setName.run(change.name, id);
      if (change.role !== undefined) setRole.run(change.role, id);
      if (change.organisation !== undefined) setOrganisation.run(change.organisation, id);
      if (change.ressorts !== undefined) {
        deleteRessorts.run(id);
        change.ressorts.forEach((code) => insertRessort.run(id, code));
      }
    },
    disable: (id: number, now: string): boolean => disable.run(now, id).changes === 1,
    enable: (id: number): boolean => enable.run(id).changes === 1,
    setPasswordHash: (id: number, hash: string, now = new Date().toISOString()): void => {
      setHash.run(hash, now, id);
    },
    recordLogin: (id: number, now: Date): void => {
      setLastLogin.run(now.toISOString(), id);
    },
    activeAdminCount: (): number => activeAdmins.get() ?? 0,
  };
}

/** The public view of an account: never the hash. */
export const toUser = (record: UserRecord): User => ({
  id: record.id,
  email: record.email,
  name: record.name,
  role: record.role,
  ressorts: record.ressorts,
  organisation: record.organisation,
});
