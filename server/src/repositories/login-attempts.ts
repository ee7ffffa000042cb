import type { Db } from '../db/database.ts';

type Window = { count: number; oldest: string | null };

export function createLoginAttemptsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO login_attempts (at, email, ip, succeeded) VALUES (?, ?, ?, ?)');
  const byEmail = db.prepare<[string, string], Window>(`SELECT count(*) AS count, min(at) AS oldest
    FROM login_attempts WHERE email = ? AND at > ? AND succeeded = 0`);
  const byIp = db.prepare<[string, string], Window>(`SELECT count(*) AS count, min(at) AS oldest
    FROM login_attempts WHERE ip = ? AND at > ? AND succeeded = 0`);

  return {
    record: (email: string, ip: string, succeeded: boolean, now: Date): void => {
      insert.run(now.toISOString(), email.trim().toLowerCase(), ip, succeeded ? 1 : 0);
    },
    failuresForEmail: (email: string, since: Date): Window =>
      byEmail.get(email.trim().toLowerCase(), since.toISOString()) ?? { count: 0, oldest: null },
    failuresForIp: (ip: string, since: Date): Window => byIp.get(ip, since.toISOString()) ?? { count: 0, oldest: null },
  };
}
