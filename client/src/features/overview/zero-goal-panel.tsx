import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import { Link } from 'wouter';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { goalListLink, type GoalListFilters } from '../../lib/goal-list-link.ts';
import { useT } from '../../lib/i18n.ts';
import { zeroAchievementRessorts } from '../../lib/shape-ressort-stats.ts';
import { FigureReportLink, type FigureBasis } from '../../components/figure-report-link.tsx';

/** The opposition's first question: which Ressorts have met none of their goals? */
export function ZeroGoalPanel({
  items,
  version,
  track,
  ruleLabel,
  filters,
  basis,
}: {
  items: RessortStat[];
  version: string;
  track: string;
  ruleLabel: string;
  filters: GoalListFilters;
  basis?: FigureBasis;
}) {
  const t = useT();
  const kept = useKeptSearch();
  const zero = zeroAchievementRessorts(items);
  const link = (ressort: string) => goalListLink(kept, { version, ressort, ...filters });
  return (
    <section aria-labelledby="zero-title" className="panel zero-panel" data-testid="zero-goal-panel">
      <h2 id="zero-title">{t.overview.zeroTitle}</h2>
      {items.every((item) => item.total === 0) ? (
        <p>{t.overview.zeroEmpty}</p>
      ) : zero.length === 0 ? (
        <p>
          {t.overview.zeroNone}{' '}
          <span className="rule-badge">
            {ruleLabel} · {t.track[track === 'independent' ? 'independent' : 'official']}
          </span>
        </p>
      ) : (
        <>
          <p>
            {t.overview.zeroIntro}{' '}
            <span className="rule-badge">
              {ruleLabel} · {t.track[track === 'independent' ? 'independent' : 'official']}
            </span>
          </p>
          <ul className="zero-list">
            {zero.map((r) => (
              <li key={r.ressort}>
                <Link to={link(r.ressort)}>
                  <strong>{r.ressort}</strong> <span className="ressort-name">{r.ressortName}</span>
                </Link>
                <span className="count">
                  {t.overview.goalsCount(r.total)}, 0 {t.status.achieved}
                </span>
                {basis && (
                  <FigureReportLink
                    basis={basis}
                    figure={{ measure: 'status', status: 'achieved', ressort: r.ressort, value: 0 }}
                    what={`${r.ressort}: 0 ${t.status.achieved}`}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
