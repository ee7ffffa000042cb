import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { meQuery } from '../../api/auth.ts';
import { submissionsQuery } from '../../api/workflow.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useControllerT } from '../../lib/messages-controller.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { SubmissionItem } from '../../components/submission-item.tsx';

/** Freigaben: the reports and readings of the user's Ressorts waiting for a second person, and those returned. */
export function ReviewPage() {
  const tc = useControllerT();
  const w = useWorkflowT();
  const me = useQuery(meQuery());
  const pending = useQuery({ ...submissionsQuery('pending'), enabled: Boolean(me.data?.user) });
  const returned = useQuery({ ...submissionsQuery('returned'), enabled: Boolean(me.data?.user) });
  if (me.data && !me.data.user)
    return (
      <section>
        <h1>{w.reviewTitle}</h1>
        <p>
          <Link to="/anmelden">{tc.loginFirst}</Link>
        </p>
      </section>
    );
  return (
    <section>
      <h1>{w.reviewTitle}</h1>
      <p className="lead">{w.reviewIntro}</p>
      <QueryState query={pending}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="state state-empty">{w.reviewEmpty}</p>
          ) : (
            <ul className="submissions" data-testid="pending-submissions">
              {data.items.map((s) => (
                <SubmissionItem key={s.id} submission={s} showSubject />
              ))}
            </ul>
          )
        }
      </QueryState>
      {(returned.data?.items.length ?? 0) > 0 && (
        <section className="panel" aria-labelledby="returned-title">
          <h2 id="returned-title">{w.returnedTitle}</h2>
          <ul className="submissions">
            {returned.data?.items.map((s) => (
              <SubmissionItem key={s.id} submission={s} showSubject />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
