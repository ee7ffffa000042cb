/**
 * The planned path of an indicator and the rating of its readings: pure functions, used by the
 * server (API ratings, goal schedule) and the dashboard (chart, gap sentence).
 *
 * The rule, as the EU states it for its Digital Decade trajectories: the path runs in straight
 * lines from the baseline through each interim target to the target, by calendar day; after the
 * target date it stays at the target value. A reading is on track when it is at least as good as
 * the path on its own date. Dates are the days readings and targets count from (a month or a year
 * counts from its last day, see time/partial-date.ts).
 */
/** Percent (0–100, gaps in percentage points) or a count of things (gaps in those things). */
export const INDICATOR_UNITS = ['percent', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** How exact a reported number is: "rund 330" is about, "über 350" at least, "nicht einmal die Hälfte" at most. */
export const QUALIFIERS = ['exact', 'about', 'at_least', 'at_most'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const TARGET_KINDS = ['baseline', 'interim', 'target'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const RATINGS = ['on_track', 'behind', 'not_assessable'] as const;
export type RatingState = (typeof RATINGS)[number];
/**
 * Why a reading or an indicator cannot be rated: no baseline or no target (no_plan), no reading,
 * the latest reading older than 24 months (stale), a reading dated before the baseline
 * (before_plan), or a bound ("at least 93 %") that does not decide against the path (bound).
 */
export const RATING_REASONS = ['no_plan', 'no_reading', 'stale', 'before_plan', 'bound'] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

export type PlanPoint = { kind: TargetKind; date: string; value: number };
export type RatedValue = { value: number; qualifier: Qualifier; date: string };
export type ReadingRating = {
  state: RatingState;
  reason: RatingReason | null;
  /** The path's value on the reading's date. */
  planned: number | null;
  /** How far the reading is ahead of the path in the indicator's unit; negative: behind. */
  aheadBy: number | null;
};

/** Months without a reading after which an indicator is no longer rated. */
export const STALE_AFTER_MONTHS = 24;
const EPSILON = 1e-9;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * The path's corner points: baseline, the interim targets strictly between baseline and target
 * (by date), target. Null without a baseline or a target, or when the target is not after the baseline.
 */
export function plannedPath(points: readonly PlanPoint[]): PlanPoint[] | null {
  const baseline = points.find((p) => p.kind === 'baseline');
  const target = points.find((p) => p.kind === 'target');
  if (!baseline || !target || target.date <= baseline.date) return null;
  const interims = points
    .filter((p) => p.kind === 'interim' && p.date > baseline.date && p.date < target.date)
    .sort((a, b) => a.date.localeCompare(b.date));
  return [baseline, ...interims, target];
}

/** The path's value on a day: linear between corner points, the target value after it, null before the baseline. */
export function plannedValue(path: readonly PlanPoint[], date: string): number | null {
  const first = path[0];
  const last = path[path.length - 1];
  if (!first || !last || date < first.date) return null;
  if (date >= last.date) return last.value;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    if (!a || !b || date > b.date) continue;
    const share = (dayNumber(date) - dayNumber(a.date)) / (dayNumber(b.date) - dayNumber(a.date));
    return a.value + (b.value - a.value) * share;
  }
  return last.value;
}

/** A reading against the path on its own date, in the indicator's direction, honest about bounds. */
export function rateReading(
  reading: RatedValue,
  path: readonly PlanPoint[] | null,
  direction: Direction,
): ReadingRating {
  if (!path) return { state: 'not_assessable', reason: 'no_plan', planned: null, aheadBy: null };
  const planned = plannedValue(path, reading.date);
  if (planned === null) return { state: 'not_assessable', reason: 'before_plan', planned: null, aheadBy: null };
  const sign = direction === 'higher_is_better' ? 1 : -1;
  const aheadBy = sign * (reading.value - planned);
  const rated = (state: RatingState, reason: RatingReason | null = null): ReadingRating => ({
    state,
    reason,
    planned,
    aheadBy,
  });
  const onOrAhead = aheadBy >= -EPSILON;
  // "at least x" can prove a higher-is-better reading on track, never behind; "at most x" the reverse.
  const boundFavours = reading.qualifier === 'at_least' ? sign : reading.qualifier === 'at_most' ? -sign : 0;
  if (boundFavours > 0) return onOrAhead ? rated('on_track') : rated('not_assessable', 'bound');
  if (boundFavours < 0) return aheadBy < -EPSILON ? rated('behind') : rated('not_assessable', 'bound');
  return rated(onOrAhead ? 'on_track' : 'behind');
}

/** The day `months` calendar months before an ISO day (31 March − 1 month → 28/29 February). */
export function monthsBefore(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 - months;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(Number(iso.slice(8, 10)), lastDay);
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type IndicatorRating<R> = ReadingRating & { reading: R | null };

/**
 * An indicator's rating on one track: its latest reading (by date, then by entry) against the
 * path, unless there is no reading, no plan, or no reading within 24 months of the reference date.
 */
export function rateLatest<R extends RatedValue & { id: number }>(
  readings: readonly R[],
  path: readonly PlanPoint[] | null,
  direction: Direction,
  reference: string,
): IndicatorRating<R> {
  let latest: R | null = null;
  for (const r of readings) {
    if (!latest || r.date > latest.date || (r.date === latest.date && r.id > latest.id)) latest = r;
  }
  if (!latest) return { state: 'not_assessable', reason: 'no_reading', planned: null, aheadBy: null, reading: null };
  const rating = rateReading(latest, path, direction);
  if (rating.reason === 'no_plan') return { ...rating, reading: latest };
  if (latest.date < monthsBefore(reference, STALE_AFTER_MONTHS)) {
    return { ...rating, state: 'not_assessable', reason: 'stale', reading: latest };
  }
  return { ...rating, reading: latest };
}
