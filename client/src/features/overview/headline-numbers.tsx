import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { formatNumber } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { headline } from '../../lib/shape-ressort-stats.ts';

export function HeadlineNumbers({ stats, ruleLabel }: { stats: RessortStatsResponse; ruleLabel: string }) {
  const t = useT();
  const h = headline(stats.items);
  const figures: [string, number][] = [
    [t.overview.declared, stats.declaredGoalCount],
    [t.overview.documented, stats.documentedGoalCount],
    [t.overview.achieved, h.achieved],
    [t.overview.inProgress, h.in_progress + h.partially_achieved],
    [t.overview.missed, h.missed],
    [t.overview.unknown, h.unknown],
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
      <p className="rule-note">
        {t.overview.ruleLabel}: {ruleLabel} ·{' '}
        {t.lang === 'de' ? `Grundlage: ${h.total} Ziele` : `Base: ${h.total} goals`}
      </p>
    </section>
  );
}
