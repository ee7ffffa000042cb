import { useQuery } from '@tanstack/react-query';
import { versionsQuery } from '../api/meta.ts';
import { useT } from '../lib/i18n.ts';

/**
 * Open questions about the official count (two documented entries that may be one goal), shown
 * wherever coverage is stated and on the goals concerned. The question is shown, never settled.
 */
export function CountingQuestions({ version, goalId }: { version: string; goalId?: string }) {
  const t = useT();
  const versions = useQuery(versionsQuery());
  const v = versions.data?.find((x) => x.key === version);
  const open = (v?.countingQuestions ?? []).filter(
    (q) => q.status === 'open' && (goalId === undefined || q.goalIds.includes(goalId)),
  );
  if (!v || open.length === 0) return null;
  return (
    <div className="counting-question" data-testid="counting-question">
      {open.map((q) => (
        <p key={q.id}>
          <strong>{t.countingQuestion.title}:</strong> {q.question}
          {q.wording && <> „{q.wording}“</>}
          {q.sources.length > 0 && (
            <>
              {' '}
              ({t.countingQuestion.sources(q.sources.length)}: {q.sources.map((s) => s.id).join(', ')})
            </>
          )}
          {goalId === undefined && (
            <> {t.countingQuestion.ifMerged(v.documentedGoalCount - (q.goalIds.length - 1), v.declaredGoalCount)}</>
          )}
        </p>
      ))}
    </div>
  );
}
