import type { GoalSchedules } from '@zielmonitor/shared/schemas/schedule';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { ScheduleBadge } from './rating-badge.tsx';

/** A goal's Terminlage beside its status: by the government's reports and by independent ones, with the rule. */
export function GoalSchedule({ schedule }: { schedule: GoalSchedules }) {
  const x = useIndicatorText();
  return (
    <div className="goal-schedule" data-testid="schedule">
      <p>
        <strong>{x.schedule}:</strong>{' '}
        <span data-track="official">
          <ScheduleBadge schedule={schedule.official} />
        </span>
        {' · '}
        {x.independent}:{' '}
        <span data-track="independent">
          <ScheduleBadge schedule={schedule.independent} />
        </span>
      </p>
      <details className="rule-text">
        <summary>{x.ruleTitle}</summary>
        <p>{x.scheduleRule}</p>
      </details>
    </div>
  );
}
