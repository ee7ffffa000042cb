import type { ReportedFigure } from '@zielmonitor/shared/schemas/reported-figure';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { CountingQuestions } from '../../components/counting-questions.tsx';
import { IndicatorSlide } from '../../components/indicators/indicator-slide.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatPercent, formatStatedDate } from '@zielmonitor/shared/time/format';
import { formatDueDate } from '../../lib/due-date.ts';
import { useT } from '../../lib/i18n.ts';
import type { Slide } from '../../lib/session-slides.ts';
import { COUNTING_RULE_TEXT } from '@zielmonitor/shared/vocabulary/counting-rules';
import { headline, headlineFigures, zeroAchievementRessorts } from '../../lib/shape-ressort-stats.ts';

export function SessionSlide({
  slide,
  stats,
  figures,
}: {
  slide: Slide;
  stats: RessortStatsResponse | undefined;
  figures: ReportedFigure[];
}) {
  const t = useT();
  const items = stats?.items ?? [];
  switch (slide.kind) {
    case 'title':
      return (
        <section className="slide">
          <h1>{t.overview.title}</h1>
          <p className="slide-big">
            {stats && (
              <>
                {t.version} {stats.version}: {t.overview.coverage(stats.documentedGoalCount, stats.declaredGoalCount)}
              </>
            )}
          </p>
          {stats && <CountingQuestions version={stats.version} />}
          <p>{t.session.titleNote}</p>
        </section>
      );
    case 'headline': {
      const basis = headline(items).total;
      return (
        <section className="slide">
          <h1>{t.overview.headline}</h1>
          {basis === 0 ? (
            <p>{t.overview.emptyBasis(COUNTING_RULE_TEXT.all_goals[t.lang].label)}</p>
          ) : (
            <dl className="slide-figures">
              {headlineFigures(items).map(({ status, goals }) => (
                <div key={status}>
                  <dt>{t.status[status]}</dt>
                  <dd>{goals}</dd>
                </div>
              ))}
            </dl>
          )}
          <p>{t.session.officialOnly}</p>
        </section>
      );
    }
    case 'zero': {
      const zero = zeroAchievementRessorts(items);
      return (
        <section className="slide">
          <h1>{t.overview.zeroTitle}</h1>
          {headline(items).total === 0 ? (
            <p className="slide-big">{t.overview.zeroEmpty}</p>
          ) : zero.length === 0 ? (
            <p className="slide-big">{t.overview.zeroNone}</p>
          ) : (
            <ul className="slide-list">
              {zero.map((r) => (
                <li key={r.ressort}>
                  <strong>{r.ressort}</strong> {r.ressortName} – {t.overview.goalsCount(r.total)}
                </li>
              ))}
            </ul>
          )}
          <p>
            {t.session.officialOnly}
            {stats && <> {t.overview.coverage(stats.documentedGoalCount, stats.declaredGoalCount)}.</>}
          </p>
        </section>
      );
    }
    case 'ressort':
      return (
        <section className="slide">
          <h1>
            {slide.ressort.ressort === 'unknown'
              ? t.unknownRessort
              : `${slide.ressort.ressort} – ${slide.ressort.ressortName ?? ''}`}
          </h1>
          <p className="slide-big">
            {slide.ressort.achieved} / {slide.ressort.total} {t.status.achieved} (
            {formatPercent(slide.ressort.fulfilmentRate, t.lang)})
          </p>
          <ul className="slide-list">
            {slide.goals.map((g) => (
              <li key={g.id}>
                <span className="mono">{g.id}</span> {g.title} <StatusBadge status={g.status} />
              </li>
            ))}
          </ul>
        </section>
      );
    case 'goal':
      return (
        <section className="slide">
          <h1>
            <span className="mono">{slide.goal.id}</span> {slide.goal.title}
          </h1>
          <p className="slide-big">
            <StatusBadge status={slide.goal.status} />
          </p>
          <p>
            {slide.goal.leadRessort ?? t.unknownRessort} · {t.goal.due}: {formatDueDate(slide.goal, t.lang) ?? '–'}
          </p>
          {slide.goal.independent && (
            <p>
              {t.goal.independentTrack}: <StatusBadge status={slide.goal.independent.status} /> (
              {slide.goal.independent.reporter})
            </p>
          )}
        </section>
      );
    case 'indicators':
      return <IndicatorSlide indicators={slide.indicators} />;
    case 'figures':
      return (
        <section className="slide">
          <h1>{t.overview.figuresTitle}</h1>
          <ul className="slide-list small">
            {figures
              .filter((f) => f.achieved !== null)
              .map((f) => (
                <li key={f.id}>
                  <strong>{f.reporter}</strong> ({formatStatedDate(f.date, f.datePrecision, t.lang)}): {f.figure}
                </li>
              ))}
          </ul>
        </section>
      );
  }
}
