import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import type { TimelinePoint, TimelineQuery } from '@zielmonitor/shared/schemas/timeline';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { AppError } from '../lib/errors.ts';
import type { Cutoff } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import { periodEnds } from '../repositories/timeline.ts';
import { resolvePointInTime } from './point-in-time.ts';
import { assertKnownFilters, knownVersion } from './references.ts';

/** More points than this would be a request for a different chart. */
const MAX_TIMELINE_POINTS = 240;

export type TimelineView = {
  version: string;
  from: string;
  to: string;
  points: TimelinePoint[];
  at: Cutoff;
  echo: PointInTimeEcho;
};

/** The status counts at each period end of `query`: the Verlauf chart, its API answer and its CSV. */
export async function timelineView(repos: Repositories, query: TimelineQuery): Promise<TimelineView> {
  const version = knownVersion(repos, query.version);
  assertKnownFilters(repos, query);
  const { at, echo } = resolvePointInTime(
    repos,
    { knownAt: query.knownAt, snapshot: query.snapshot },
    { version: version.key, goalId: null },
  );
  const from = query.from ?? version.presentedOn;
  const to = query.to ?? (echo.snapshot ? echo.snapshot.createdAt.slice(0, 10) : todayInBerlin());
  if (from > to) {
    throw new AppError(400, 'VALIDATION_ERROR', 'from: liegt nach to', [
      { location: 'query', field: 'from', message: 'liegt nach to' },
    ]);
  }
  const ends = periodEnds(from, to, query.interval);
  if (ends.length > MAX_TIMELINE_POINTS) {
    throw new AppError(
      400,
      'VALIDATION_ERROR',
      `interval: mehr als ${MAX_TIMELINE_POINTS} Zeitpunkte – Zeitraum verkleinern oder quarter wählen`,
      [{ location: 'query', field: 'interval', message: `mehr als ${MAX_TIMELINE_POINTS} Zeitpunkte` }],
    );
  }
  const points = await repos.timeline.timeline({
    version: version.key,
    ressort: query.ressort ?? null,
    track: query.track,
    ends,
    knownAt: at.knownAt,
  });
  return { version: version.key, from, to, points, at: { asOf: to, knownAt: at.knownAt }, echo };
}
