import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import type { TargetKind } from '@zielmonitor/shared/indicators/trajectory';

/** Height of the indicator chart; its placeholder keeps it while recharts loads. */
export const INDICATOR_CHART_HEIGHT = 320;

/** One x position of the indicator chart: a reading of a track, or a corner of the planned path. */
type IndicatorChartPoint = { t: number; official?: number; independent?: number; plan?: number };
type IndicatorMarker = { t: number; value: number; kind: TargetKind };
export type IndicatorSeries = {
  points: IndicatorChartPoint[];
  markers: IndicatorMarker[];
  /** First and last day shown, as day numbers. */
  domain: [number, number];
  /** 1 January of each year in the domain, for the axis. */
  yearTicks: number[];
};

/** Days since 1970-01-01 (UTC): a number axis keeps the distances between dates true. */
export const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
export const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * The chart's data: readings that still count, one series per track, and the planned path
 * through its corners, continued flat after the target date as far as the readings go.
 */
export function indicatorSeries(detail: Pick<IndicatorDetail, 'readings' | 'path'>): IndicatorSeries {
  const counted = detail.readings.filter((r) => r.superseded === null);
  const points: IndicatorChartPoint[] = counted.map((r) => ({ t: dayNumber(r.date), [r.track]: r.value }));
  const path = detail.path.map((p) => ({ t: dayNumber(p.date), value: p.value, kind: p.kind }));
  points.push(...path.map((p) => ({ t: p.t, plan: p.value })));
  const last = path[path.length - 1];
  const latestReading = Math.max(...counted.map((r) => dayNumber(r.date)));
  if (last && latestReading > last.t) points.push({ t: latestReading, plan: last.value });
  points.sort((a, b) => a.t - b.t);
  const first = points[0]?.t ?? 0;
  const end = points[points.length - 1]?.t ?? 0;
  const domain: [number, number] = [first - 60, end + 60];
  const yearTicks: number[] = [];
  for (
    let year = Number(isoOfDay(domain[0]).slice(0, 4)) + 1;
    year <= Number(isoOfDay(domain[1]).slice(0, 4));
    year++
  ) {
    yearTicks.push(dayNumber(`${year}-01-01`));
  }
  return { points, markers: path.map((p) => ({ t: p.t, value: p.value, kind: p.kind })), domain, yearTicks };
}
