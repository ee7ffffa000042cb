import type { Db } from '../db/database.ts';

export type StoredRound = {
  id: number;
  name: string;
  version: string;
  opensOn: string;
  dueOn: string;
  ressortCodes: string[];
  closedAt: string | null;
  snapshotId: string | null;
};

type Row = {
  id: number;
  name: string;
  version_key: string;
  opens_on: string;
  due_on: string;
  closed_at: string | null;
  snapshot_id: string | null;
  ressorts: string | null;
};

const toRound = (row: Row): StoredRound => ({
  id: row.id,
  name: row.name,
  version: row.version_key,
  opensOn: row.opens_on,
  dueOn: row.due_on,
  ressortCodes: row.ressorts ? row.ressorts.split(',') : [],
  closedAt: row.closed_at,
  snapshotId: row.snapshot_id,
});

const SELECT = `SELECT r.*, (SELECT group_concat(ressort_code, ',') FROM (SELECT ressort_code FROM reporting_round_ressorts
    WHERE round_id = r.id ORDER BY ressort_code)) AS ressorts FROM reporting_rounds r`;

export function createRoundsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO reporting_rounds (name, version_key, opens_on, due_on, created_by, created_at)
    VALUES (@name, @version, @opensOn, @dueOn, @createdBy, @createdAt)`);
  const insertRessort = db.prepare('INSERT INTO reporting_round_ressorts (round_id, ressort_code) VALUES (?, ?)');
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE r.id = ?`);
  const all = db.prepare<[], Row>(`${SELECT} ORDER BY r.closed_at IS NOT NULL, r.due_on DESC, r.id DESC`);
  const close = db.prepare(
    'UPDATE reporting_rounds SET closed_at = @at, closed_by = @by, snapshot_id = @snapshotId WHERE id = @id AND closed_at IS NULL',
  );
  // Per goal of a version: the first government report entered (released) from a moment on — a
  // status report, or an official reading of an indicator that measures the goal.
  const firstReports = db.prepare<[{ version: string; from: string }], { goal_id: string; reported_at: string }>(
    `SELECT x.goal_id, min(x.reported_at) AS reported_at FROM (
       SELECT e.goal_id, e.recorded_at AS reported_at FROM status_events e
       WHERE e.track = 'official' AND e.recorded_at >= @from
       UNION ALL
       SELECT ig.goal_id, r.recorded_at FROM indicator_readings r JOIN indicator_goals ig ON ig.indicator_id = r.indicator_id
       WHERE r.track = 'official' AND r.recorded_at >= @from
     ) x JOIN goals g ON g.id = x.goal_id WHERE g.version_key = @version GROUP BY x.goal_id`,
  );
  // Goals with a status report, or a reading of an indicator measuring them, waiting for release.
  const pendingGoals = db
    .prepare<[{ version: string }], string>(
      `SELECT s.goal_id FROM submissions s JOIN goals g ON g.id = s.goal_id
       WHERE g.version_key = @version AND s.state = 'pending'
       UNION
       SELECT ig.goal_id FROM submissions s JOIN indicator_goals ig ON ig.indicator_id = s.indicator_id
         JOIN goals g ON g.id = ig.goal_id
       WHERE g.version_key = @version AND s.state = 'pending'`,
    )
    .pluck();

  return {
    /** Call inside a transaction: the round and its Ressorts are one write. */
    create(round: {
      name: string;
      version: string;
      opensOn: string;
      dueOn: string;
      ressorts: string[];
      createdBy: number;
      createdAt: string;
    }): number {
      const id = Number(insert.run(round).lastInsertRowid);
      round.ressorts.forEach((code) => insertRessort.run(id, code));
      return id;
    },
    get: (id: number): StoredRound | undefined => {
      const row = byId.get(id);
      return row && toRound(row);
    },
    list: (): StoredRound[] => all.all().map(toRound),
    close: (row: { id: number; at: string; by: number; snapshotId: string | null }): boolean =>
      close.run(row).changes === 1,
    firstReportsSince: (version: string, from: string): Map<string, string> =>
      new Map(firstReports.all({ version, from }).map((r) => [r.goal_id, r.reported_at])),
    pendingGoals: (version: string): Set<string> => new Set(pendingGoals.all({ version })),
  };
}
