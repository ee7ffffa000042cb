import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';

export type Slide =
  | { kind: 'title' }
  | { kind: 'headline' }
  | { kind: 'zero' }
  | { kind: 'ressort'; ressort: RessortStat; goals: GoalSummary[] }
  | { kind: 'goal'; goal: GoalSummary }
  | { kind: 'figures' }
  | { kind: 'indicators'; indicators: IndicatorSummary[] };

/** The deck: title, key figures, zero-goal Ressorts, one slide per Ressort, reported figures; goal slides at the end for jumps. */
export function buildSlides(stats: RessortStat[], goals: GoalSummary[], indicators: IndicatorSummary[] = []): Slide[] {
  const byRessort = (code: string) => goals.filter((g) => (g.leadRessort ?? 'unknown') === code);
  return [
    { kind: 'title' },
    { kind: 'headline' },
    { kind: 'zero' },
    ...stats.map((ressort) => ({ kind: 'ressort' as const, ressort, goals: byRessort(ressort.ressort) })),
    { kind: 'figures' },
    ...(indicators.length > 0 ? [{ kind: 'indicators' as const, indicators }] : []),
    ...goals.map((goal) => ({ kind: 'goal' as const, goal })),
  ];
}

/** Where typing a Ressort code or a goal id and Enter jumps to; -1 when nothing matches. */
export function findSlide(slides: Slide[], typed: string): number {
  const needle = typed.trim().toLowerCase();
  if (!needle) return -1;
  return slides.findIndex(
    (s) =>
      (s.kind === 'ressort' && s.ressort.ressort.toLowerCase() === needle) ||
      (s.kind === 'goal' && s.goal.id.toLowerCase() === needle),
  );
}
