import { describe, expect, it } from 'vitest';
import { emptyByStatus } from '@zielmonitor/shared/schemas/stats';
import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import { buildSlides, findSlide } from './session-slides.ts';

const goal = (id: string, leadRessort: string | null) => ({ id, leadRessort }) as GoalSummary;
const stat = (ressort: string, total: number) => ({
  ressort,
  ressortName: null,
  total,
  byStatus: emptyByStatus(),
  achieved: 0,
  fulfilmentRate: 0,
});

describe('session slides', () => {
  const slides = buildSlides(
    [stat('MWIDE', 2), stat('unknown', 1)],
    [goal('v1-01', 'MWIDE'), goal('v1-02', 'MWIDE'), goal('v1-03', null)],
  );
  it('puts each Ressort with its own goals, unknown included', () => {
    expect(slides.map((s) => s.kind)).toEqual([
      'title',
      'headline',
      'zero',
      'ressort',
      'ressort',
      'figures',
      'goal',
      'goal',
      'goal',
    ]);
    const unknown = slides[4];
    expect(unknown?.kind === 'ressort' && unknown.goals.map((g) => g.id)).toEqual(['v1-03']);
  });
  it('jumps to a typed Ressort or goal, case-insensitively', () => {
    expect(findSlide(slides, 'mwide')).toBe(3);
    expect(findSlide(slides, 'V1-03')).toBe(8);
    expect(findSlide(slides, 'xyz')).toBe(-1);
    expect(findSlide(slides, '  ')).toBe(-1);
  });

  it('adds an indicator slide after the reported figures when there are indicators', () => {
    const indicators = [{ id: 'schulen-gigabit' }] as IndicatorSummary[];
    const kinds = buildSlides([stat('MWIDE', 1)], [goal('v1-01', 'MWIDE')], indicators).map((s) => s.kind);
    expect(kinds).toEqual(['title', 'headline', 'zero', 'ressort', 'figures', 'indicators', 'goal']);
  });
});
