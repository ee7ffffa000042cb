import type { GoalsQueryInput } from '@zielmonitor/shared/schemas/goal';

/** Filters of the goal list as they stand in its URL. */
export type GoalListFilters = { [K in keyof GoalsQueryInput]?: string | undefined };

/**
 * The drill-down from a per-Ressort figure to the goals behind it: the goal list with these
 * filters, keeping the point in time (`kept`, e.g. `?asOf=2021-12-31`) of the view it comes from.
 */
export function goalListLink(kept: string, filters: GoalListFilters): string {
  const params = new URLSearchParams(kept);
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) params.set(key, value);
  }
  return `/ziele?${params.toString()}`;
}
