import type { IndicatorRating } from '@zielmonitor/shared/schemas/indicator';
import type { GoalSchedule } from '@zielmonitor/shared/schemas/schedule';
import { useIndicatorText } from '../../lib/indicator-text.ts';

/** The rating as text with a shape and colour: never colour alone. */
export function RatingBadge({ state }: { state: IndicatorRating['state'] }) {
  const x = useIndicatorText();
  return (
    <span className={`rating rating-${state}`} data-rating={state}>
      {x.rating[state]}
    </span>
  );
}

/** A goal's Terminlage, with the reason in words. */
export function ScheduleBadge({ schedule }: { schedule: GoalSchedule }) {
  const x = useIndicatorText();
  return (
    <span className={`schedule schedule-${schedule.state}`} data-schedule={schedule.state}>
      {x.scheduleState[schedule.state]}
      <span className="muted"> ({x.scheduleReason[schedule.reason]})</span>
    </span>
  );
}
