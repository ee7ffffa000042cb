import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { formatDate } from '@zielmonitor/shared/time/format';
import { roundsQuery } from '../../api/workflow.ts';
import { useT } from '../../lib/i18n.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';

/** The reporting round that is open now, with how far the ministries are: one click to the round. */
export function RoundPanel() {
  const t = useT();
  const w = useWorkflowT();
  const rounds = useQuery(roundsQuery());
  const current = rounds.data?.items.find((r) => r.closedAt === null);
  if (!current) return null;
  return (
    <section className="panel" aria-labelledby="round-title" data-testid="current-round">
      <h2 id="round-title">
        {w.current}: <Link to={`/runden/${current.id}`}>{current.name}</Link>
      </h2>
      <p>
        {w.roundDue(formatDate(current.dueOn, t.lang))} ·{' '}
        {w.roundProgress(current.reported, current.goals, current.completeRessorts, current.ressortCodes.length)}
      </p>
    </section>
  );
}
