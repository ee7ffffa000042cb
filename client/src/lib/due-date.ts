import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import { formatStatedDate } from '@zielmonitor/shared/time/format';
import type { Lang } from '@zielmonitor/shared/vocabulary/lang';

type Due = Pick<GoalSummary, 'effectiveDueDate' | 'dueDateSource' | 'dueDatePrecision'>;

/**
 * A goal's due date as precise as its source: "bis 2022" shows as „2022“, never as the day it
 * counts from (31.12.2022). A date derived from the horizon is a computed day and shows as one.
 */
export function formatDueDate(goal: Due, lang: Lang): string | null {
  if (!goal.effectiveDueDate) return null;
  const precision = goal.dueDateSource === 'explicit' ? goal.dueDatePrecision : 'day';
  return formatStatedDate(goal.effectiveDueDate, precision, lang);
}
