import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { formatNumber } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { headline, headlineFigures } from '../../lib/shape-ressort-stats.ts';
import { FigureReportLink, type FigureBasis, type FigureRef } from '../../components/figure-report-link.tsx';

/** The key figures, each the sum of its column in the per-Ressort table; nothing from an empty basis. */
export function HeadlineNumbers({
  stats,
  ruleLabel,
  basis: figureBasis,
}: {
  stats: RessortStatsResponse;
  ruleLabel: string;
  basis?: FigureBasis;
}) {
  const t = useT();
  const basis = headline(stats.items).total;
  const figures: [string, FigureRef][] = [
    [t.overview.declared, { measure: 'declared', value: stats.declaredGoalCount }],
    [t.overview.documented, { measure: 'documented', value: stats.documentedGoalCount }],
    ...(basis === 0
      ? []
      : headlineFigures(stats.items).map(({ status, goals }): [string, FigureRef] => [
          t.status[status],
          { measure: 'status', status, value: goals },
        ])),
  ];
  return (
    <section aria-labelledby="headline-title" className="headline">
      <h2 id="headline-title" className="visually-hidden">
        {t.overview.headline}
      </h2>
      <dl className="figures" data-testid="headline-figures">
        {figures.map(([label, figure]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{formatNumber(figure.value, t.lang)}</dd>
            {figureBasis && (
              <dd className="figure-report">
                <FigureReportLink basis={figureBasis} figure={figure} what={`${label}: ${figure.value}`} />
              </dd>
            )}
          </div>
        ))}
      </dl>
      <p className="rule-note" data-testid="basis-note">
        {basis === 0 ? t.overview.emptyBasis(ruleLabel) : t.overview.basis(basis, ruleLabel)}
      </p>
    </section>
  );
}
