import type { CountingRule } from '@zielmonitor/shared/vocabulary/counting-rules';
import type { GoalListFilters } from './goal-list-link.ts';

/** Filters that make a drill-down list exactly the goals a figure counted under its rule. */
export function ruleFilters(rule: CountingRule, referenceDate: string): GoalListFilters {
  if (rule === 'short_term') return { horizon: 'short' };
  if (rule === 'due_by_date') return { dueBy: referenceDate };
  return {};
}
