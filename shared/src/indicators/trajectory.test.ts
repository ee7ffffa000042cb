import { describe, expect, it } from 'vitest';
import {
  monthsBefore,
  plannedPath,
  plannedValue,
  rateLatest,
  rateReading,
  type Direction,
  type PlanPoint,
  type Qualifier,
} from './trajectory.ts';

const base: PlanPoint = { kind: 'baseline', date: '2019-02-28', value: 16 };
const interim: PlanPoint = { kind: 'interim', date: '2020-12-31', value: 60 };
const target: PlanPoint = { kind: 'target', date: '2022-12-31', value: 100 };
const schools = plannedPath([target, interim, base]);

describe('the planned path', () => {
  it.each([
    ['baseline, interim and target, in any order', [target, interim, base], [base, interim, target]],
    ['no baseline', [interim, target], null],
    ['no target', [base, interim], null],
    ['target not after the baseline', [base, { ...target, date: '2019-01-31' }], null],
    [
      'an interim target outside baseline and target is left out',
      [base, target, { ...interim, date: '2023-06-30' }],
      [base, target],
    ],
  ] as const)('%s', (_name, points, expected) => {
    expect(plannedPath(points)).toEqual(expected);
  });

  it.each([
    ['before the baseline: no plan yet', '2019-01-31', null],
    ['on the baseline', '2019-02-28', 16],
    ['on the interim target', '2020-12-31', 60],
    ['half-way between interim and target (365 of 730 days)', '2021-12-31', 60 + 40 * (365 / 730)],
    ['on the target date', '2022-12-31', 100],
    ['after the target date the target value holds', '2025-06-30', 100],
  ] as const)('%s', (_name, date, expected) => {
    const value = schools && plannedValue(schools, date);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });
});

describe('rating a reading', () => {
  const down: PlanPoint[] = [
    { kind: 'baseline', date: '2021-01-01', value: 1000 },
    { kind: 'target', date: '2023-01-01', value: 0 },
  ];
  type Row = [string, number, Qualifier, string, readonly PlanPoint[] | null, Direction, string, string | null];
  it.each<Row>([
    ['exactly on the path is on track', 60, 'exact', '2020-12-31', schools, 'higher_is_better', 'on_track', null],
    ['below the interim target is behind', 28, 'exact', '2020-12-31', schools, 'higher_is_better', 'behind', null],
    ['above the path is on track', 80, 'about', '2021-12-31', schools, 'higher_is_better', 'on_track', null],
    [
      'target in the past: compared with the target value',
      67,
      'about',
      '2023-08-31',
      schools,
      'higher_is_better',
      'behind',
      null,
    ],
    [
      'no baseline: not assessable',
      50,
      'exact',
      '2021-01-31',
      plannedPath([interim, target]),
      'higher_is_better',
      'not_assessable',
      'no_plan',
    ],
    [
      'before the baseline: not assessable',
      15,
      'exact',
      '2018-12-31',
      schools,
      'higher_is_better',
      'not_assessable',
      'before_plan',
    ],
    [
      'lower is better: below the path is on track',
      400,
      'exact',
      '2022-01-01',
      down,
      'lower_is_better',
      'on_track',
      null,
    ],
    ['lower is better: above the path is behind', 600, 'exact', '2022-01-01', down, 'lower_is_better', 'behind', null],
    [
      '"at least" above the path proves on track',
      93,
      'at_least',
      '2020-12-31',
      schools,
      'higher_is_better',
      'on_track',
      null,
    ],
    [
      '"at least" below the path decides nothing',
      50,
      'at_least',
      '2020-12-31',
      schools,
      'higher_is_better',
      'not_assessable',
      'bound',
    ],
    [
      '"at most" below the path proves behind',
      50,
      'at_most',
      '2022-12-31',
      schools,
      'higher_is_better',
      'behind',
      null,
    ],
    [
      '"at most" above the path decides nothing',
      90,
      'at_most',
      '2020-12-31',
      schools,
      'higher_is_better',
      'not_assessable',
      'bound',
    ],
    [
      'lower is better, "at most" below the path proves on track',
      400,
      'at_most',
      '2022-01-01',
      down,
      'lower_is_better',
      'on_track',
      null,
    ],
    [
      'lower is better, "at least" above the path proves behind',
      600,
      'at_least',
      '2022-01-01',
      down,
      'lower_is_better',
      'behind',
      null,
    ],
  ])('%s', (_name, value, qualifier, date, path, direction, state, reason) => {
    const rating = rateReading({ value, qualifier, date }, path, direction);
    expect(rating.state).toBe(state);
    expect(rating.reason).toBe(reason);
  });

  it('gives the gap in the unit: 28 % in July 2020 is 22 percentage points behind the path', () => {
    const rating = rateReading({ value: 28, qualifier: 'exact', date: '2020-07-31' }, schools, 'higher_is_better');
    // 16 + 44 × 519 / 672 days
    expect(rating.planned).toBeCloseTo(16 + (44 * 519) / 672, 9);
    expect(rating.aheadBy).toBeCloseTo(28 - (16 + (44 * 519) / 672), 9);
  });
});

describe("an indicator's latest rating", () => {
  const reading = (id: number, date: string, value: number) => ({ id, date, value, qualifier: 'exact' as const });
  it.each([
    ['no reading', [], '2021-06-30', 'not_assessable', 'no_reading', null],
    [
      'the latest by date decides, not the last entered',
      [reading(2, '2021-04-30', 30), reading(1, '2020-07-31', 90)],
      '2021-06-30',
      'behind',
      null,
      2,
    ],
    [
      'on one date the later entry decides',
      [reading(4, '2021-04-30', 30), reading(3, '2021-04-30', 90)],
      '2021-06-30',
      'behind',
      null,
      4,
    ],
    ['no reading in the last 24 months', [reading(1, '2021-04-30', 62)], '2023-05-01', 'not_assessable', 'stale', 1],
    ['a reading exactly 24 months old still counts', [reading(1, '2021-04-30', 62)], '2023-04-30', 'behind', null, 1],
  ] as const)('%s', (_name, readings, reference, state, reason, readingId) => {
    const rating = rateLatest(readings, schools, 'higher_is_better', reference);
    expect(rating.state).toBe(state);
    expect(rating.reason).toBe(reason);
    expect(rating.reading?.id ?? null).toBe(readingId);
  });

  it('without a plan says so even when the reading is old', () => {
    expect(rateLatest([reading(1, '2015-01-31', 5)], null, 'higher_is_better', '2026-11-30').reason).toBe('no_plan');
  });

  it.each([
    ['2023-04-30', 24, '2021-04-30'],
    ['2024-02-29', 24, '2022-02-28'],
    ['2021-03-31', 1, '2021-02-28'],
    ['2021-01-15', 13, '2019-12-15'],
  ] as const)('%s minus %i months is %s', (day, months, expected) => {
    expect(monthsBefore(day, months)).toBe(expected);
  });
});
