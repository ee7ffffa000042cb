import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { formatNumber } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { headline, headlineFigures } from '../../lib/shape-ressort-stats.ts';

/** The key figures, each the sum of its column in the per-Ressort table; nothing from an empty basis. */
export function HeadlineNumbers({ stats, ruleLabel }: { stats: RessortStatsResponse; ruleLabel: string }) {
  const t = useT();
  const basis = headline(stats.items).total;
  const figures: [string, number][] = [
    [t.overview.declared, stats.declaredGoalCount],
    [t.overview.documented, stats.documentedGoalCount],
    ...(basis === 0
      ? []
      : headlineFigures(stats.items).map(({ status, goals }): [string, number] => [t.status[status], goals])),
  ];
  return (
    <section aria-labelledby="headline-title" className="headline">
      <h2 id="headline-title" className="visually-hidden">
        {t.overview.headline}
      </h2>
      <dl className="figures" data-testid="headline-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{formatNumber(value, t.lang)}</dd>
          </div>
        ))}
      </dl>
      <p className="rule-note" data-testid="basis-note">
        {basis === 0 ? t.overview.emptyBasis(ruleLabel) : t.overview.basis(basis, ruleLabel)}
      </p>
    </section>
  );
}
