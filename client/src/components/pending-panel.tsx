import type { PendingReview, SubmissionSubjectType } from '@zielmonitor/shared/schemas/submission';
import { useWorkflowT } from '../lib/messages-workflow.ts';
import { SubmissionItem } from './submission-item.tsx';

/**
 * Reports or readings waiting for release on a goal or an indicator: publicly only that they
 * wait, for those who may report on or release them which.
 */
export function PendingPanel({ review, about }: { review: PendingReview; about: SubmissionSubjectType }) {
  const w = useWorkflowT();
  if (review.pending === 0) return null;
  return (
    <section className="panel notice" aria-labelledby="pending-title" data-testid="pending">
      <h2 id="pending-title">{w.pendingTitle}</h2>
      <p>{about === 'goal' ? w.pendingPublic(review.pending) : w.pendingReadingsPublic(review.pending)}</p>
      {review.submissions.length > 0 && (
        <ul className="submissions">
          {review.submissions.map((s) => (
            <SubmissionItem key={s.id} submission={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
