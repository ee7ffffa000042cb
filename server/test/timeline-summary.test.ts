import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '@zielmonitor/shared/schemas/common';
import { openDatabase, type Db } from '../src/db/database.ts';
import { NOW } from '../src/repositories/current-status-sql.ts';
import {
  MONTH_TRANSITIONS_SQL,
  countsAtMonthEnds,
  createTimelineRepository,
  isMonthEnd,
  periodEnds,
} from '../src/repositories/timeline.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-timeline-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Migrated once, then copied for each generated history: a fresh file per run at a copy's cost.
const template = path.join(dir, 'template.sqlite');
beforeAll(() => {
  const db = openDatabase(template);
  db.exec(`INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'A', '2020-11-01', 0), ('2.0', 'B', '2021-06-01', 0);
    INSERT INTO ressorts (code, name) VALUES ('AA', 'Amt A'), ('BB', 'Amt B');`);
  db.close();
});
let files = 0;
/** A fresh SQLite file with the real migrations, two versions and two Ressorts. */
function freshDb(): Db {
  const file = path.join(dir, `t${files++}.sqlite`);
  fs.copyFileSync(template, file);
  return openDatabase(file);
}

const nonZero = (byStatus: Record<Status, number>) =>
  Object.fromEntries(Object.entries(byStatus).filter(([, n]) => n !== 0));

describe('countsAtMonthEnds', () => {
  it('starts every goal unknown and sums the transitions up to each month, in the order the months are asked', () => {
    const counts = countsAtMonthEnds(
      3,
      [
        { month: '2021-01', status: 'planned', previousStatus: 'unknown', goals: 2 },
        { month: '2021-03', status: 'achieved', previousStatus: 'planned', goals: 1 },
        { month: '2021-03', status: 'missed', previousStatus: 'unknown', goals: 1 },
        { month: '2021-05', status: 'in_progress', previousStatus: 'achieved', goals: 1 },
      ],
      ['2021-03', '2020-12', '2021-01', '2021-04', '2021-05'],
    );
    expect(counts.map((c) => [c.total, nonZero(c.byStatus)])).toEqual([
      [3, { planned: 1, achieved: 1, missed: 1 }],
      [3, { unknown: 3 }],
      [3, { unknown: 1, planned: 2 }],
      [3, { planned: 1, achieved: 1, missed: 1 }],
      [3, { planned: 1, in_progress: 1, missed: 1 }],
    ]);
    expect(Object.keys(counts[0]?.byStatus ?? {})).toEqual([...STATUSES]);
  });

  it('refuses transitions out of month order', () => {
    expect(() =>
      countsAtMonthEnds(
        1,
        [
          { month: '2021-02', status: 'planned', previousStatus: 'unknown', goals: 1 },
          { month: '2021-01', status: 'achieved', previousStatus: 'planned', goals: 1 },
        ],
        ['2021-02'],
      ),
    ).toThrow(/month order/);
  });

  it('knows the last day of each month', () => {
    expect(['2021-01-31', '2021-02-28', '2024-02-29', '2021-04-30'].every(isMonthEnd)).toBe(true);
    expect(['2021-01-30', '2024-02-28', '2021-04-31', '2021-12-01'].some(isMonthEnd)).toBe(false);
  });
});

describe('timeline from the month-end summary', () => {
  const DAY = 86_400_000;
  const BASE = Date.UTC(2020, 10, 1);
  const day = (n: number) => new Date(BASE + n * DAY).toISOString().slice(0, 10);
  const monthEndOf = (date: string) =>
    new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10);
  // Month boundaries and a leap day often, so same-day ties and edge days are common.
  const date = fc.oneof(
    fc.integer({ min: 0, max: 480 }).map(day),
    fc.constantFrom('2020-11-30', '2020-12-01', '2020-12-31', '2021-01-01', '2021-02-28', '2021-03-01', '2021-03-31'),
  );
  const recorded = fc.integer({ min: 0, max: 600 * 24 }).map((h) => new Date(BASE + h * 3_600_000).toISOString());
  const ressort = fc.constantFrom('AA', 'BB', null);
  const goals = fc.array(fc.record({ version: fc.constantFrom('1.0', '1.0', '2.0'), ressort }), {
    minLength: 1,
    maxLength: 6,
  });
  const operation = fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record({
        kind: fc.constant('event' as const),
        goal: fc.nat(),
        track: fc.constantFrom('official', 'independent'),
        status: fc.constantFrom(...STATUSES),
        effective: date,
        recorded,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), goal: fc.nat(), ressort }) },
    {
      // A correction (a new report replacing an earlier one) or a withdrawal of an earlier report.
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('supersede' as const),
        target: fc.nat(),
        withdraw: fc.boolean(),
        status: fc.constantFrom(...STATUSES),
        effective: date,
        recorded,
      }),
    },
  );
  const query = fc.record({
    version: fc.constantFrom('1.0', '2.0', '3.0'),
    ressort: fc.constantFrom(null, 'AA', 'BB', 'unknown'),
    track: fc.constantFrom('official' as const, 'independent' as const),
    interval: fc.constantFrom('month' as const, 'quarter' as const),
    from: fc.integer({ min: 0, max: 480 }),
    days: fc.integer({ min: 0, max: 500 }),
    toMonthEnd: fc.boolean(),
    knownAt: fc.oneof(
      fc.constant('now'),
      fc.constant('latest'),
      recorded,
      fc.integer({ min: 0, max: 600 }).map((n) => `${day(n)}T23:59:59.999Z`),
    ),
  });

  it('equals the per-point index seeks for any history, filter, interval, end date and knownAt', async () => {
    await fc.assert(
      fc.asyncProperty(
        goals,
        fc.array(operation, { maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        async (goalList, operations, queries) => {
          const db = freshDb();
          try {
            const insertGoal =
              db.prepare(`INSERT INTO goals (id, version_key, title, lead_ressort, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
          VALUES (?, ?, 'Ziel', ?, 'unknown', 'high', 'high', 'high', 'ziel')`);
            const insertEvent = db.prepare(
              `INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track) VALUES (?, ?, ?, ?, 'Test', ?)`,
            );
            const move = db.prepare('UPDATE goals SET lead_ressort = ? WHERE id = ?');
            const open = db.prepare<[], { id: number; goal_id: string; track: string }>(
              `SELECT id, goal_id, track FROM status_events e
               WHERE NOT EXISTS (SELECT 1 FROM status_supersessions s WHERE s.superseded_event_id = e.id) ORDER BY id`,
            );
            const supersede = db.prepare(`INSERT INTO status_supersessions (superseded_event_id, kind,
                replacement_event_id, reason, recorded_at, reporter, goal_revision) VALUES (?, ?, ?, 'Test', ?, 'Test', 0)`);
            const goalId = (n: number) => `g${n % goalList.length}`;
            db.transaction(() => {
              goalList.forEach((g, n) => insertGoal.run(`g${n}`, g.version, g.ressort));
              // In generated order: backdated events arrive after later ones, and Ressorts change between events.
              for (const op of operations) {
                if (op.kind === 'event')
                  insertEvent.run(goalId(op.goal), op.status, op.effective, op.recorded, op.track);
                else if (op.kind === 'move') move.run(op.ressort, goalId(op.goal));
                else {
                  const candidates = open.all();
                  const target = candidates[op.target % Math.max(1, candidates.length)];
                  if (!target) continue;
                  const replacement = op.withdraw
                    ? null
                    : Number(
                        insertEvent.run(target.goal_id, op.status, op.effective, op.recorded, target.track)
                          .lastInsertRowid,
                      );
                  supersede.run(target.id, op.withdraw ? 'withdrawal' : 'correction', replacement, op.recorded);
                }
              }
            })();
            const latest = db
              .prepare(
                'SELECT max(at) FROM (SELECT max(recorded_at) AS at FROM status_events UNION ALL SELECT max(recorded_at) FROM status_supersessions)',
              )
              .pluck()
              .get() as string | null;
            const timeline = createTimelineRepository(db);
            for (const q of queries) {
              const from = day(q.from);
              const to = q.toMonthEnd ? monthEndOf(day(q.from + q.days)) : day(q.from + q.days);
              const knownAt =
                q.knownAt === 'now' ? NOW.knownAt : q.knownAt === 'latest' ? (latest ?? NOW.knownAt) : q.knownAt;
              const request = {
                version: q.version,
                ressort: q.ressort,
                track: q.track,
                ends: periodEnds(from, to, q.interval),
                knownAt,
              };
              expect(await timeline.timeline(request)).toStrictEqual(timeline.exactTimeline(request));
              // The summary itself, whatever knownAt the query asked for.
              const now = { ...request, knownAt: NOW.knownAt };
              expect(timeline.summaryTimeline(now)).toStrictEqual(timeline.exactTimeline(now));
            }
          } finally {
            db.close();
            fs.rmSync(db.name, { force: true });
          }
        },
      ),
      { numRuns: 300 },
    );
    // 300 random histories with a database each: seconds of work, more on a loaded machine.
  }, 60_000);

  it('answers as told by knownAt when an event was recorded after it', async () => {
    const db = freshDb();
    db.exec(`INSERT INTO goals (id, version_key, title, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
        VALUES ('g1', '1.0', 'Ziel', 'unknown', 'high', 'high', 'high', 'ziel');
      INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track) VALUES
        ('g1', 'planned', '2021-01-10', '2021-01-10T00:00:00.000Z', 'Test', 'official'),
        ('g1', 'missed', '2021-01-20', '2021-03-01T00:00:00.000Z', 'Test', 'official');`);
    const timeline = createTimelineRepository(db);
    const at = async (knownAt: string) =>
      (
        await timeline.timeline({ version: '1.0', ressort: null, track: 'official', ends: ['2021-01-31'], knownAt })
      ).map((p) => nonZero(p.byStatus));
    expect(await at('2021-02-28T23:59:59.999Z')).toEqual([{ planned: 1 }]);
    expect(await at(NOW.knownAt)).toEqual([{ missed: 1 }]);
    db.close();
  });

  it('reads the transitions from the partial covering index, in index order, without a sort or goal lookups', () => {
    const db = freshDb();
    for (const ressortParam of [null, 'AA', 'unknown']) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${MONTH_TRANSITIONS_SQL}`)
        .all({ track: 'official', version: '1.0', ressort: ressortParam, lastMonth: '2021-06' }) as {
        detail: string;
      }[];
      expect(plan.map((row) => row.detail)).toEqual([
        'SEARCH s USING COVERING INDEX status_month_ends_timeline (track=? AND version_key=? AND month<?)',
      ]);
    }
    db.close();
  });
});
