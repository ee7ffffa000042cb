import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { CountingQuestions } from '../../components/counting-questions.tsx';
import { IndicatorSlide } from '../../components/indicators/indicator-slide.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatPercent, formatStatedDate } from '@zielmonitor/shared/time/format';
import { formatDueDate } from '../../lib/due-date.ts';
import { useT } from '../../lib/i18n.ts';
import { useSessionT } from '../../lib/messages-session.ts';
import type { Slide } from '../../lib/session-slides.ts';
import { COUNTING_RULE_TEXT } from '@zielmonitor/shared/vocabulary/counting-rules';
import { headline, headlineFigures } from '../../lib/shape-ressort-stats.ts';

/** One slide of the deck, on the projector and in the handout alike. */
export function SessionSlide({ slide, stats }: { slide: Slide; stats: RessortStatsResponse }) {
  const t = useT();
  const s = useSessionT();
  const items = stats.items;
  const note = (
    <p className="slide-note">
      {s.whose} · {s.basis(stats.documentedGoalCount, stats.declaredGoalCount)}
    </p>
  );
  switch (slide.kind) {
    case 'title':
      return (
        <section className="slide">
          <h1>{t.overview.title}</h1>
          <p className="slide-big">
            {t.stamp.versionShort(stats.version)}:{' '}
            {t.overview.coverage(stats.documentedGoalCount, stats.declaredGoalCount)}
          </p>
          <CountingQuestions version={stats.version} />
          <p>{s.titleNote}</p>
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
          {note}
        </section>
      );
    }
    case 'zero':
      return (
        <section className="slide">
          <h1>
            {t.overview.zeroTitle}
            {s.part(slide.page, slide.pages)}
          </h1>
          {headline(items).total === 0 ? (
            <p className="slide-big">{t.overview.zeroEmpty}</p>
          ) : slide.ressorts.length === 0 ? (
            <p className="slide-big">{t.overview.zeroNone}</p>
          ) : (
            <ul className="slide-list">
              {slide.ressorts.map((r) => (
                <li key={r.ressort}>
                  <strong>{r.ressort}</strong> {r.ressortName} – {s.zeroLine(r.total)}
                </li>
              ))}
            </ul>
          )}
          {note}
        </section>
      );
    case 'ressort':
      return (
        <section className="slide">
          <h1>
            {slide.ressort.ressort === 'unknown'
              ? t.unknownRessort
              : `${slide.ressort.ressort} – ${slide.ressort.ressortName ?? ''}`}
            {s.part(slide.page, slide.pages)}
          </h1>
          <p className="slide-big">
            {s.achievedOf(
              slide.ressort.achieved,
              slide.ressort.total,
              formatPercent(slide.ressort.fulfilmentRate, t.lang),
            )}
          </p>
          {slide.today && (
            <p>
              {s.todayAll(slide.today)}
              {slide.goals.some((g) => g.responsibility.unsettled) && `; ${s.unsettled}`}
            </p>
          )}
          <GoalList goals={slide.goals} lead={slide.today?.join(', ') ?? slide.ressort.ressort} />
        </section>
      );
    case 'responsible':
      return (
        <section className="slide">
          <h1>
            {s.responsibleTitle(slide.code)}
            {s.part(slide.page, slide.pages)}
          </h1>
          <p>
            {s.responsibleIntro(
              slide.total,
              slide.from.map((code) => (code === 'unknown' ? t.unknownRessort : code)),
              stats.version,
            )}
          </p>
          <GoalList goals={slide.goals} lead={slide.code} />
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
            {slide.goal.leadRessort ?? t.unknownRessort}
            <Today goal={slide.goal} lead={slide.goal.leadRessort ?? ''} /> · {t.goal.due}:{' '}
            {formatDueDate(slide.goal, t.lang) ?? '–'}
          </p>
          {slide.goal.independent && (
            <p>
              {t.goal.independentTrack}: <StatusBadge status={slide.goal.independent.status} /> (
              {slide.goal.independent.reporter})
            </p>
          )}
          <p className="slide-note">{s.officialOnly}</p>
        </section>
      );
    case 'indicators':
      return <IndicatorSlide indicators={slide.indicators} part={s.part(slide.page, slide.pages)} />;
    case 'figures':
      return (
        <section className="slide">
          <h1>
            {t.overview.figuresTitle}
            {s.part(slide.page, slide.pages)}
          </h1>
          <ul className="slide-list small">
            {slide.figures.map((f) => (
              <li key={f.id}>
                <strong>{f.reporter}</strong> ({formatStatedDate(f.date, f.datePrecision, t.lang)}): {f.figure}
              </li>
            ))}
          </ul>
        </section>
      );
  }
}

function GoalList({ goals, lead }: { goals: GoalSummary[]; lead: string }) {
  return (
    <ul className="slide-list goal-lines">
      {goals.map((g) => (
        <li key={g.id}>
          <span className="mono">{g.id}</span> {g.title} <StatusBadge status={g.status} />
          <Today goal={g} lead={lead} />
        </li>
      ))}
    </ul>
  );
}

/** Who is responsible today, where it is not the Ressort the slide is about. */
function Today({ goal, lead }: { goal: GoalSummary; lead: string }) {
  const s = useSessionT();
  const today = goal.responsibility.ressorts.join(', ');
  if (today === '' || today === lead) return null;
  return (
    <span className="slide-today">
      {' '}
      ({s.todayLabel}: {today}
      {goal.responsibility.unsettled && `; ${s.unsettled}`})
    </span>
  );
}
