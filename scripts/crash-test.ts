/**
 * Crash test: a server under concurrent authenticated status writes is killed with SIGKILL
 * at random moments, several rounds. After each restart every write that was acknowledged
 * with 2xx must be there exactly once, and PRAGMA integrity_check must say ok. Rounds alternate
 * between reports entering the record at once (201) and reports waiting for release (202).
 *   npm run crash-test -- [rounds]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { openDatabase } from '../server/src/db/database.ts';
import { hashPassword } from '../server/src/lib/passwords.ts';
import { createRepositories } from '../server/src/repositories/index.ts';
import { seedIfEmpty } from '../server/src/seed/load-seed.ts';
import { repoRoot, startServer } from './lib/server-process.ts';

export type RoundResult = {
  round: number;
  acknowledged: number;
  present: number;
  duplicated: number;
  missing: string[];
  integrity: string;
  killedAfterMs: number;
};

const WORKERS = 4;
const PASSWORD = 'absturz-test-passwort-7';

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Writes status reports on one goal until the server dies; returns the notes acknowledged with 2xx. */
async function worker(url: string, cookie: string, goalId: string, tag: string, acknowledged: string[]): Promise<void> {
  let { revision } = GoalDetail.parse(await (await fetch(`${url}/api/goals/${goalId}`)).json());
  for (let i = 0; ; i++) {
    const note = `${tag}-${i}`;
    let res: Response;
    try {
      res = await fetch(`${url}/api/goals/${goalId}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, cookie },
        body: JSON.stringify({
          status: 'in_progress',
          progress: i % 101,
          effectiveDate: '2021-11-30',
          note,
          evidence: {},
          expectedRevision: revision,
        }),
      });
    } catch {
      return; // the server is gone
    }
    // An account reports at most 500 times a day (LIMITS.statusReportsPerAccount): then this worker is done.
    if (res.status === 429) return;
    if (res.status !== 201 && res.status !== 202) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
    revision = StatusUpdateResponse.or(SubmissionResponse).parse(await res.json()).revision;
    acknowledged.push(note);
  }
}

export async function runCrashTest(rounds: number, log: (line: string) => void = () => {}): Promise<RoundResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-crash-'));
  const databasePath = path.join(dir, 'crash.sqlite');
  const setup = openDatabase(databasePath);
  seedIfEmpty(setup, path.join(repoRoot, 'data'));
  const repos = createRepositories(setup);
  // One account per round, so that each round has the whole daily quota of status reports.
  const passwordHash = await hashPassword(PASSWORD);
  for (let round = 1; round <= rounds; round++) {
    repos.users.create(
      { email: `crash-${round}@nrw.de`, name: `Crash Test ${round}`, role: 'admin', ressorts: [], passwordHash },
      new Date().toISOString(),
    );
  }
  const goalIds = setup.prepare('SELECT id FROM goals ORDER BY id LIMIT ?').pluck().all(WORKERS) as string[];
  setup.close();

  const results: RoundResult[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const server = await startServer({ databasePath, env: { REVIEW_REQUIRED: String(round % 2 === 0) } });
      const cookie = await login(server.url, `crash-${round}@nrw.de`);
      const acknowledged: string[] = [];
      const workers = goalIds.map((goalId, w) => worker(server.url, cookie, goalId, `r${round}-w${w}`, acknowledged));
      const killedAfterMs = 300 + Math.floor(Math.random() * 1200);
      await new Promise((r) => setTimeout(r, killedAfterMs));
      await server.kill();
      await Promise.all(workers);

      const db = new Database(databasePath);
      const notes = db
        .prepare(
          `SELECT note, count(*) AS n FROM (
             SELECT note FROM status_events WHERE note LIKE @tag
             UNION ALL SELECT payload_json ->> '$.note' FROM submissions WHERE payload_json ->> '$.note' LIKE @tag)
           GROUP BY note`,
        )
        .all({ tag: `r${round}-%` }) as { note: string; n: number }[];
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      db.close();
      const stored = new Map(notes.map((row) => [row.note, row.n]));
      const result: RoundResult = {
        round,
        acknowledged: acknowledged.length,
        present: acknowledged.filter((n) => stored.has(n)).length,
        duplicated: notes.filter((row) => row.n > 1).length,
        missing: acknowledged.filter((n) => !stored.has(n)),
        integrity,
        killedAfterMs,
      };
      results.push(result);
      log(
        `Runde ${round}: nach ${killedAfterMs} ms getötet; ${result.acknowledged} bestätigt, ${result.present} vorhanden, ${result.missing.length} fehlen, ${result.duplicated} doppelt, integrity_check ${integrity}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 5);
  const results = await runCrashTest(rounds, (line) => console.log(line));
  const failed = results.filter((r) => r.missing.length > 0 || r.duplicated > 0 || r.integrity !== 'ok');
  console.log(
    failed.length === 0
      ? `OK: ${rounds} Runden, kein bestätigter Schreibvorgang verloren oder doppelt`
      : `FEHLER in ${failed.length} Runden`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
}
