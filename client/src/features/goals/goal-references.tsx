import { Link } from 'wouter';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import { formatDate } from '@zielmonitor/shared/time/format';
import { LINEAGE_LABELS } from '@zielmonitor/shared/vocabulary/lineage';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { useT } from '../../lib/i18n.ts';

/** Where a goal comes from and goes to (lineage between the strategies), and its sources. */
export function GoalReferences({ goal: g }: { goal: GoalDetail }) {
  const t = useT();
  const kept = useKeptSearch();
  return (
    <>
      {(g.lineage.predecessors.length > 0 || g.lineage.successors.length > 0 || g.origin) && (
        <section aria-labelledby="lineage-title" className="panel">
          <h2 id="lineage-title">{t.goal.lineage}</h2>
          <ul>
            {[
              ...g.lineage.predecessors.map((l) => ({ ...l, dir: t.goal.predecessors })),
              ...g.lineage.successors.map((l) => ({ ...l, dir: t.goal.successors })),
            ].map((l) => (
              <li key={`${l.dir}-${l.goalId}`}>
                {l.dir} {l.version}:{' '}
                <Link to={`/ziele/${encodeURIComponent(l.goalId)}${kept}`}>
                  {l.goalId} {l.goalTitle}
                </Link>
                {' – '}
                <strong className={`lineage lineage-${l.type}`}>{LINEAGE_LABELS[t.lang].fate[l.type]}</strong> (
                {t.goal.certainty[l.certainty]}){l.basis && <p className="basis">{l.basis}</p>}
              </li>
            ))}
            {g.origin && g.lineage.predecessors.length === 0 && (
              <li>
                {t.goal.basis}: {t.goal.origin[g.origin.type]} ({t.goal.certainty[g.origin.certainty]})
                {g.origin.basis && <p className="basis">{g.origin.basis}</p>}
              </li>
            )}
          </ul>
        </section>
      )}
      <section aria-labelledby="sources-title" className="panel">
        <h2 id="sources-title">{t.goal.sources}</h2>
        <ol className="sources">
          {g.sources.map((s) => (
            <li key={s.id} id={`source-${s.id}`}>
              <span className="mono">{s.id}</span>{' '}
              {s.url ? (
                <a href={s.url} rel="noreferrer noopener" target="_blank">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
              {s.publisher && <>, {s.publisher}</>}
              {s.date && <>, {formatDate(s.date, t.lang)}</>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
