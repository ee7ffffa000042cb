import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import type { ReportedFigure } from '@zielmonitor/shared/schemas/reported-figure';
import { compareKeys } from '@zielmonitor/shared/vocabulary/compare-keys';
import { zeroAchievementRessorts } from './shape-ressort-stats.ts';

/** Which part of a list a slide shows: "MWIDE (2/3)". */
type Part = { page: number; pages: number };

export type Slide =
  | { kind: 'title' }
  | { kind: 'headline' }
  | ({ kind: 'zero'; ressorts: RessortStat[] } & Part)
  /** `today`: who is responsible today for all of the Ressort's goals, where that is someone else. */
  | ({ kind: 'ressort'; ressort: RessortStat; goals: GoalSummary[]; today: string[] | null } & Part)
  /** A Ressort responsible today for goals the strategy gave to another (a successor such as MWIKE). */
  | ({ kind: 'responsible'; code: string; goals: GoalSummary[]; total: number; from: string[] } & Part)
  | ({ kind: 'figures'; figures: ReportedFigure[] } & Part)
  | ({ kind: 'indicators'; indicators: IndicatorSummary[] } & Part)
  | { kind: 'goal'; goal: GoalSummary };

/**
 * How much a slide's list holds, in lines of projector type (design size 1280 × 720 at 28 px): a
 * list item takes as many lines as its text needs at LINE_CHARS characters a line. Lists longer
 * than LIST_LINES are split into numbered continuation slides; the slide shrinks its type a little
 * only when an estimate falls short, so every item of every list is on some slide.
 */
const LINE_CHARS = 62;
export const LIST_LINES = 10;

const linesOf = (text: string) => Math.max(1, Math.ceil(text.length / LINE_CHARS));

/** Splits items into pages of at most `budget` estimated lines, never an empty page, never an item lost. */
export function paginate<T>(items: readonly T[], text: (item: T) => string, budget = LIST_LINES): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const lines = linesOf(text(item));
    if (page.length > 0 && used + lines > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += lines;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

const parts = <T, S>(pages: T[][], make: (items: T[], part: Part) => S): S[] =>
  pages.map((items, i) => make(items, { page: i + 1, pages: pages.length }));

// What a goal's line on a slide says: id, title, status and, where it differs, who is responsible today.
const goalLine = (shared: string | null) => (g: GoalSummary) => {
  const today = g.responsibility.ressorts.join(', ');
  const moved = today !== '' && today !== g.leadRessort && today !== shared;
  return `${g.id} ${g.title} ▶ in Umsetzung${moved ? ` (heute: ${today}; Zuständigkeit ungeklärt)` : ''}`;
};

/** Who is responsible today for every one of a Ressort's goals, when they agree and it is not the Ressort itself. */
function sharedToday(code: string, goals: GoalSummary[]): string[] | null {
  const sets = [...new Set(goals.map((g) => g.responsibility.ressorts.join(', ')))];
  const [only] = sets;
  return sets.length === 1 && only && only !== code ? only.split(', ') : null;
}
const figureLine = (f: ReportedFigure) => `${f.reporter} (${f.date}): ${f.figure}`;
const indicatorLine = (i: IndicatorSummary) => `${i.name}: Landesregierung auf Kurs · unabhängig nicht bewertbar`;

/** Who is responsible today, for each code that is not simply the strategy's own Ressort for the same goals. */
function responsibleToday(goals: GoalSummary[]): Map<string, GoalSummary[]> {
  const byCode = new Map<string, GoalSummary[]>();
  for (const goal of goals) {
    for (const code of goal.responsibility.ressorts) byCode.set(code, [...(byCode.get(code) ?? []), goal]);
  }
  const same = (code: string, list: GoalSummary[]) => {
    const led = goals.filter((g) => g.leadRessort === code);
    return led.length === list.length && list.every((g) => g.leadRessort === code);
  };
  return new Map([...byCode].filter(([code, list]) => !same(code, list)).sort(([a], [b]) => compareKeys(a, b)));
}

/**
 * The deck: title, key figures, Ressorts without an achieved goal, one slide (or more) per Ressort of
 * the strategy, the Ressorts responsible today where they differ, the reported figures, indicators;
 * one slide per goal at the end, for jumps.
 */
export function buildSlides(
  stats: RessortStat[],
  goals: GoalSummary[],
  indicators: IndicatorSummary[] = [],
  figures: ReportedFigure[] = [],
): Slide[] {
  const byRessort = (code: string) => goals.filter((g) => (g.leadRessort ?? 'unknown') === code);
  const zero = zeroAchievementRessorts(stats);
  const counted = figures.filter((f) => f.achieved !== null);
  return [
    { kind: 'title' },
    { kind: 'headline' },
    ...parts(
      paginate(zero, (r) => `${r.ressort} ${r.ressortName ?? ''} – 0 von ${r.total} Zielen erreicht`),
      (ressorts, part): Slide => ({ kind: 'zero', ressorts, ...part }),
    ),
    ...stats.flatMap((ressort) => {
      const list = byRessort(ressort.ressort);
      const today = ressort.ressort === 'unknown' ? null : sharedToday(ressort.ressort, list);
      // A heading over two lines and the line on today's responsibility take room from the list.
      const budget = LIST_LINES - (today ? 1 : 0) - ((ressort.ressortName ?? '').length > 40 ? 1 : 0);
      return parts(paginate(list, goalLine(today?.join(', ') ?? null), budget), (page, part): Slide => ({
        kind: 'ressort',
        ressort,
        goals: page,
        today,
        ...part,
      }));
    }),
    ...[...responsibleToday(goals)].flatMap(([code, list]) =>
      parts(paginate(list, goalLine(code)), (page, part): Slide => ({
        kind: 'responsible',
        code,
        goals: page,
        total: list.length,
        from: [...new Set(list.map((g) => g.leadRessort ?? 'unknown'))].sort(compareKeys),
        ...part,
      })),
    ),
    ...(counted.length > 0
      ? parts(paginate(counted, figureLine), (page, part): Slide => ({ kind: 'figures', figures: page, ...part }))
      : []),
    ...(indicators.length > 0
      ? parts(paginate(indicators, indicatorLine), (page, part): Slide => ({
          kind: 'indicators',
          indicators: page,
          ...part,
        }))
      : []),
    ...goals.map((goal): Slide => ({ kind: 'goal', goal })),
  ];
}

export type Jump =
  | { index: number; found: 'ressort' | 'responsible' | 'goal'; code: string; goals: number }
  | { index: -1; found: 'ressort-without-goals' | 'nothing'; code: string; goals: 0 };

// "v1-1" and "V1-01" both mean v1-01: ids carry two digits, people type one.
const normalise = (typed: string) =>
  typed
    .trim()
    .toLowerCase()
    .replace(/^(v\d+)-(\d)$/, '$1-0$2');

/**
 * Where typing a Ressort code or a goal id and Enter jumps to, and what to say about it: the
 * strategy's Ressort, else the Ressort responsible today (a successor such as MWIKE), else the goal;
 * a Ressort that exists but has no goal here, and anything else, are said as such.
 */
export function findSlide(slides: Slide[], typed: string, knownRessorts: readonly string[] = []): Jump {
  const needle = normalise(typed);
  const code = typed.trim();
  if (!needle) return { index: -1, found: 'nothing', code, goals: 0 };
  const ressort = slides.findIndex(
    (s) => s.kind === 'ressort' && s.page === 1 && s.ressort.ressort.toLowerCase() === needle,
  );
  const first = slides[ressort];
  if (first?.kind === 'ressort') {
    return { index: ressort, found: 'ressort', code: first.ressort.ressort, goals: first.ressort.total };
  }
  const responsible = slides.findIndex(
    (s) => s.kind === 'responsible' && s.page === 1 && s.code.toLowerCase() === needle,
  );
  const today = slides[responsible];
  if (today?.kind === 'responsible')
    return { index: responsible, found: 'responsible', code: today.code, goals: today.total };
  const goal = slides.findIndex((s) => s.kind === 'goal' && s.goal.id.toLowerCase() === needle);
  const hit = slides[goal];
  if (hit?.kind === 'goal') return { index: goal, found: 'goal', code: hit.goal.id, goals: 1 };
  const known = knownRessorts.find((k) => k.toLowerCase() === needle);
  if (known) return { index: -1, found: 'ressort-without-goals', code: known, goals: 0 };
  return { index: -1, found: 'nothing', code, goals: 0 };
}

/** The slide a `folie` parameter names (1-based), within the deck; the first slide when it names none. */
export function slideFromParam(value: string | null, count: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || count === 0) return 0;
  return Math.min(n, count) - 1;
}
