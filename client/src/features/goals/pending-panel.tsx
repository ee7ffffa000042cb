import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { SubmissionItem } from '../../components/submission-item.tsx';

/** Reports waiting for release: publicly only that they wait, for the Ressort's people which they are. */
export function PendingPanel({ goal }: { goal: GoalDetail }) {
  const w = useWorkflowT();
  if (goal.review.pending === 0) return null;
  return (
    <section className="panel notice" aria-labelledby="pending-title" data-testid="pending">
      <h2 id="pending-title">{w.pendingTitle}</h2>
      <p>{w.pendingPublic(goal.review.pending)}</p>
      {goal.review.submissions.length > 0 && (
        <ul className="submissions">
          {goal.review.submissions.map((s) => (
            <SubmissionItem key={s.id} submission={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
