import type { Role, User } from '@zielmonitor/shared/schemas/auth';
import type { Db } from '../db/database.ts';

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
};

export type UserRecord = User & { passwordHash: string; disabledAt: string | null; createdAt: string };

export function createUsersRepository(db: Db) {
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY email');
  const ressortsOf = db
    .prepare<[number], string>('SELECT ressort_code FROM user_ressorts WHERE user_id = ? ORDER BY ressort_code')
    .pluck();
  const insert = db.prepare(`INSERT INTO users (email, name, role, password_hash, created_at)
    VALUES (@email, @name, @role, @passwordHash, @createdAt)`);
  const insertRessort = db.prepare('INSERT INTO user_ressorts (user_id, ressort_code) VALUES (?, ?)');
  const disable = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL');
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');

  const toRecord = (row: UserRow): UserRecord => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    ressorts: ressortsOf.all(row.id),
    passwordHash: row.password_hash,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
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
    /** Call inside a transaction: the user and their Ressorts are one write. */
    create(
      user: { email: string; name: string; role: Role; ressorts: string[]; passwordHash: string },
      now: string,
    ): number {
      const id = Number(insert.run({ ...user, email: user.email.trim(), createdAt: now }).lastInsertRowid);
      user.ressorts.forEach((code) => insertRessort.run(id, code));
      return id;
    },
    disable: (id: number, now: string): boolean => disable.run(now, id).changes === 1,
    setPasswordHash: (id: number, hash: string): void => {
      setHash.run(hash, id);
    },
  };
}

/** The public view of an account: never the hash. */
export const toUser = (record: UserRecord): User => ({
  id: record.id,
  email: record.email,
  name: record.name,
  role: record.role,
  ressorts: record.ressorts,
});
