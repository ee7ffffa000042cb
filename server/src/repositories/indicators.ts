import type { Track } from '@zielmonitor/shared/schemas/common';
import { plannedPath, rateLatest, type RatingState } from '@zielmonitor/shared/indicators/trajectory';
import type { IndicatorsQuery } from '@zielmonitor/shared/schemas/indicator';
import type { Db } from '../db/database.ts';
import { ressortMatches, type Cutoff } from './current-status-sql.ts';
import {
  toReadingRow,
  toTargetRow,
  type IndicatorRow,
  type RawReading,
  type RawTarget,
  type ReadingRow,
  type TargetRow,
} from './indicator-rows.ts';

export type IndicatorGoalRow = {
  goalId: string;
  version: string;
  title: string;
  leadRessort: string | null;
  basis: string | null;
};

/** A reading counts at knownAt unless a supersession recorded by then names it. */
const COUNTS = `NOT EXISTS (SELECT 1 FROM indicator_reading_supersessions s
  WHERE s.superseded_reading_id = r.id AND s.recorded_at <= @knownAt)`;

const READING_SELECT = `SELECT r.*, src.title AS source_title, src.url AS source_url, src.date AS source_date,
    src.publisher AS source_publisher, s.kind AS s_kind, s.reason AS s_reason, s.recorded_at AS s_recorded_at,
    s.replacement_reading_id AS s_replacement, u.name AS s_by
  FROM indicator_readings r
  LEFT JOIN sources src ON src.id = r.source_id
  LEFT JOIN indicator_reading_supersessions s ON s.superseded_reading_id = r.id AND s.recorded_at <= @knownAt
  LEFT JOIN users u ON u.id = s.user_id`;

/** Reads of indicators, their goals, target points and readings at a point in time. SQL only. */
export function createIndicatorsRepository(db: Db) {
  const list = db.prepare<[Record<string, unknown>], IndicatorRow>(`SELECT i.* FROM indicators i
    WHERE EXISTS (SELECT 1 FROM indicator_goals ig JOIN goals g ON g.id = ig.goal_id
      WHERE ig.indicator_id = i.id AND (@version IS NULL OR g.version_key = @version)
        AND ${ressortMatches('g')} AND (@goal IS NULL OR g.id = @goal))
    ORDER BY (SELECT min(goal_id) FROM indicator_goals WHERE indicator_id = i.id), i.rowid`);
  const one = db.prepare<[string], IndicatorRow>('SELECT * FROM indicators WHERE id = ?');
  const goals = db.prepare<[string], IndicatorGoalRow>(`SELECT g.id AS goalId, g.version_key AS version, g.title,
      g.lead_ressort AS leadRessort, ig.basis FROM indicator_goals ig JOIN goals g ON g.id = ig.goal_id
    WHERE ig.indicator_id = ? ORDER BY g.version_key, g.id`);
  const targets = db.prepare<[string], RawTarget>(`SELECT t.*, src.title AS source_title, src.url AS source_url,
      src.date AS source_date, src.publisher AS source_publisher
    FROM indicator_targets t LEFT JOIN sources src ON src.id = t.source_id
    WHERE t.indicator_id = ? ORDER BY t.date, t.id`);
  const readings = db.prepare<[Cutoff & { id: string; limit: number }], RawReading>(`${READING_SELECT}
    WHERE r.indicator_id = @id AND r.date <= @asOf AND r.recorded_at <= @knownAt
    ORDER BY r.date DESC, r.id DESC LIMIT @limit`);
  const latest = db.prepare<[Cutoff & { id: string; track: Track }], RawReading>(`${READING_SELECT}
    WHERE r.indicator_id = @id AND r.track = @track AND r.date <= @asOf AND r.recorded_at <= @knownAt AND ${COUNTS}
    ORDER BY r.date DESC, r.id DESC LIMIT 1`);
  const recorded = db
    .prepare<[Cutoff & { id: string }], number>(
      `SELECT count(*) FROM indicator_readings
    WHERE indicator_id = @id AND date <= @asOf AND recorded_at <= @knownAt`,
    )
    .pluck();
  const byGoals = db.prepare<[string], { goal_id: string; indicator_id: string }>(`SELECT goal_id, indicator_id
    FROM indicator_goals WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY goal_id, indicator_id`);
  const readingById = db.prepare<[Cutoff & { readingId: number }], RawReading>(
    `${READING_SELECT} WHERE r.id = @readingId`,
  );

  return {
    list: (query: Pick<IndicatorsQuery, 'version' | 'ressort' | 'goal'>): IndicatorRow[] =>
      list.all({ version: query.version ?? null, ressort: query.ressort ?? null, goal: query.goal ?? null }),
    get: (id: string): IndicatorRow | undefined => one.get(id),
    goals: (id: string): IndicatorGoalRow[] => goals.all(id),
    targets: (id: string): TargetRow[] => targets.all(id).map(toTargetRow),
    /** The newest readings by the point in time (all without a limit), superseded ones marked. */
    readings: (id: string, at: Cutoff, limit = -1): ReadingRow[] =>
      readings.all({ id, ...at, limit }).map(toReadingRow),
    /** The latest reading of a track that still counts at the point in time. */
    latest: (id: string, track: Track, at: Cutoff): ReadingRow | undefined => {
      const row = latest.get({ id, track, ...at });
      return row && toReadingRow(row);
    },
    recordedReadings: (id: string, at: Cutoff): number => recorded.get({ id, ...at }) ?? 0,
    /**
     * The latest rating of each indicator of each goal, per track (the input of a goal's
     * Terminlage), by the rule of indicators/trajectory.ts; each indicator is rated once.
     */
    ratingStatesOfGoals(
      goalIds: readonly string[],
      at: Cutoff,
      reference: string,
    ): Map<string, Record<Track, RatingState[]>> {
      const result = new Map<string, Record<Track, RatingState[]>>();
      if (goalIds.length === 0) return result;
      const rated = new Map<string, Record<Track, RatingState>>();
      const rate = (id: string): Record<Track, RatingState> | undefined => {
        const cached = rated.get(id);
        if (cached) return cached;
        const row = one.get(id);
        if (!row) return undefined;
        const path = plannedPath(targets.all(id).map((t) => ({ kind: t.kind, date: t.date, value: t.value })));
        const state = (track: Track) => {
          const last = latest.get({ id, track, ...at });
          return rateLatest(last ? [toReadingRow(last)] : [], path, row.direction, reference).state;
        };
        const states = { official: state('official'), independent: state('independent') };
        rated.set(id, states);
        return states;
      };
      for (const row of byGoals.all(JSON.stringify(goalIds))) {
        const states = rate(row.indicator_id);
        if (!states) continue;
        const entry = result.get(row.goal_id) ?? { official: [], independent: [] };
        entry.official.push(states.official);
        entry.independent.push(states.independent);
        result.set(row.goal_id, entry);
      }
      return result;
    },
    reading: (readingId: number, at: Cutoff): ReadingRow | undefined => {
      const row = readingById.get({ readingId, ...at });
      return row && toReadingRow(row);
    },
  };
}
export type IndicatorsRepository = ReturnType<typeof createIndicatorsRepository>;
