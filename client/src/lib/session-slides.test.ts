import { describe, expect, it } from 'vitest';
import { emptyByStatus } from '@zielmonitor/shared/schemas/stats';
import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import { buildSlides, findSlide, LIST_LINES, paginate, slideFromParam, type Slide } from './session-slides.ts';

const goal = (
  id: string,
  leadRessort: string | null,
  today: string[] = leadRessort ? [leadRessort] : [],
  title = 'Ziel',
) =>
  ({
    id,
    leadRessort,
    title,
    responsibility: { ressorts: today, unsettled: today.length > 1, involved: [], assignment: null },
  }) as unknown as GoalSummary;
const stat = (ressort: string, total: number) => ({
  ressort,
  ressortName: null,
  total,
  byStatus: emptyByStatus(),
  achieved: 0,
  fulfilmentRate: 0,
});
const kinds = (slides: Slide[]) => slides.map((s) => s.kind);

describe('session slides', () => {
  const slides = buildSlides(
    [stat('MWIDE', 2), stat('unknown', 1)],
    [goal('v1-01', 'MWIDE'), goal('v1-02', 'MWIDE'), goal('v1-03', null)],
  );
  it('puts each Ressort with its own goals, unknown included', () => {
    expect(kinds(slides)).toEqual(['title', 'headline', 'zero', 'ressort', 'ressort', 'goal', 'goal', 'goal']);
    const unknown = slides[4];
    expect(unknown?.kind === 'ressort' && unknown.goals.map((g) => g.id)).toEqual(['v1-03']);
  });

  it('jumps to a typed Ressort or goal, case-insensitively, and says when nothing matches', () => {
    expect(findSlide(slides, 'mwide')).toMatchObject({ index: 3, found: 'ressort', code: 'MWIDE', goals: 2 });
    expect(findSlide(slides, 'V1-03')).toMatchObject({ index: 7, found: 'goal' });
    expect(findSlide(slides, 'v1-3')).toMatchObject({ index: 7, found: 'goal' });
    expect(findSlide(slides, 'xyz')).toEqual({ index: -1, found: 'nothing', code: 'xyz', goals: 0 });
    expect(findSlide(slides, '  ').found).toBe('nothing');
    expect(findSlide(slides, 'munv', ['MUNV', 'MKW'])).toEqual({
      index: -1,
      found: 'ressort-without-goals',
      code: 'MUNV',
      goals: 0,
    });
  });

  it('splits a long Ressort into numbered continuation slides and loses no goal', () => {
    const long = Array.from({ length: 23 }, (_, i) => goal(`v1-${String(i + 1).padStart(2, '0')}`, 'MWIDE'));
    const deck = buildSlides([stat('MWIDE', 23)], long);
    const parts = deck.filter((s) => s.kind === 'ressort');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((s) => `${s.page}/${s.pages}`)).toEqual(parts.map((_, i) => `${i + 1}/${parts.length}`));
    expect(parts.flatMap((s) => s.goals.map((g) => g.id))).toEqual(long.map((g) => g.id));
    expect(findSlide(deck, 'MWIDE').index).toBe(deck.indexOf(parts[0] as Slide));
  });

  it('gives the Ressorts responsible today a slide of their own where they differ from the strategy', () => {
    const deck = buildSlides(
      [stat('MWIDE', 3), stat('MKW', 1)],
      [
        goal('v1-01', 'MWIDE', ['MWIKE', 'MHKBD']),
        goal('v1-02', 'MWIDE', ['MWIKE']),
        goal('v1-03', 'MWIDE', ['MHKBD']),
        goal('v1-04', 'MKW'),
      ],
    );
    const today = deck.filter((s) => s.kind === 'responsible');
    expect(today.map((s) => [s.code, s.total, s.from])).toEqual([
      ['MHKBD', 2, ['MWIDE']],
      ['MWIKE', 2, ['MWIDE']],
    ]);
    expect(findSlide(deck, 'mwike')).toMatchObject({ found: 'responsible', code: 'MWIKE', goals: 2 });
    // MKW is responsible for exactly the goals the strategy gave it: its Ressort slide answers.
    expect(findSlide(deck, 'MKW')).toMatchObject({ found: 'ressort' });
  });

  it('adds indicator slides after the Ressorts when there are indicators', () => {
    const indicators = [{ id: 'schulen-gigabit', name: 'Schulen' }] as IndicatorSummary[];
    expect(kinds(buildSlides([stat('MWIDE', 1)], [goal('v1-01', 'MWIDE')], indicators))).toEqual([
      'title',
      'headline',
      'zero',
      'ressort',
      'indicators',
      'goal',
    ]);
  });
});

describe('paginate', () => {
  it('keeps every item in order, within the line budget, and never makes an empty page', () => {
    const items = Array.from({ length: 40 }, (_, i) => 'x'.repeat((i * 37) % 150));
    const pages = paginate(items, (x) => x);
    expect(pages.flat()).toEqual(items);
    expect(pages.every((p) => p.length > 0)).toBe(true);
    const lines = (x: string) => Math.max(1, Math.ceil(x.length / 62));
    for (const page of pages) {
      if (page.length > 1) expect(page.reduce((n, x) => n + lines(x), 0)).toBeLessThanOrEqual(LIST_LINES);
    }
  });
  it('makes one empty page of an empty list, so the slide can say there is nothing', () => {
    expect(paginate([], String)).toEqual([[]]);
  });
});

describe('slideFromParam', () => {
  it('reads a 1-based slide number and keeps it within the deck', () => {
    expect(slideFromParam('5', 10)).toBe(4);
    expect(slideFromParam('50', 10)).toBe(9);
    expect(slideFromParam(null, 10)).toBe(0);
    expect(slideFromParam('abc', 10)).toBe(0);
    expect(slideFromParam('0', 10)).toBe(0);
  });
});
