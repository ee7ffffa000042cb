import { describe, expect, it } from 'vitest';
import { IsoDate, PartialDate, RessortCode, Status } from './common.ts';
import { GoalsQuery } from './goal.ts';
import { StatsQuery } from './stats.ts';

describe('IsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(IsoDate.parse('2019-04-10')).toBe('2019-04-10');
    expect(IsoDate.parse('2024-02-29')).toBe('2024-02-29');
  });
  it.each(['2021-02-30', '2023-02-29', '2021-13-01', '21-11-19', '2021-11-19T00:00:00Z', ''])('refuses %j', (value) => {
    expect(IsoDate.safeParse(value).success).toBe(false);
  });
});

describe('PartialDate and RessortCode', () => {
  it('keep the precision a source states', () => {
    expect(['2021', '2021-11', '2021-11-18'].every((d) => PartialDate.safeParse(d).success)).toBe(true);
    expect(PartialDate.safeParse('Nov 2021').success).toBe(false);
  });
  it('allow letter codes only', () => {
    expect(RessortCode.safeParse('MWIDE').success).toBe(true);
    expect(RessortCode.safeParse("MWIDE' OR 1=1").success).toBe(false);
  });
});

describe('GoalsQuery', () => {
  it('fills defaults for paging and sorting', () => {
    expect(GoalsQuery.parse({})).toEqual({ sort: 'id', order: 'asc', limit: 100, offset: 0 });
  });
  it('coerces paging from query strings and bounds it', () => {
    expect(GoalsQuery.parse({ limit: '20', offset: '40' })).toMatchObject({ limit: 20, offset: 40 });
    expect(GoalsQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(GoalsQuery.safeParse({ limit: '501' }).success).toBe(false);
  });
  it('refuses unknown parameters and values outside the vocabulary', () => {
    const unknown = GoalsQuery.safeParse({ ressorts: 'MSB' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['ressorts'] });
    expect(GoalsQuery.safeParse({ status: 'done' }).success).toBe(false);
    expect(GoalsQuery.safeParse({ horizon: 'soon' }).success).toBe(false);
  });
});

describe('StatsQuery', () => {
  it('requires a version and defaults to the official track', () => {
    expect(StatsQuery.safeParse({}).success).toBe(false);
    expect(StatsQuery.parse({ version: '1.0' })).toEqual({ version: '1.0', track: 'official', rule: 'all_goals' });
  });
});

describe('Status vocabulary', () => {
  it('is the one the product reports in', () => {
    expect(Status.options).toEqual([
      'unknown',
      'planned',
      'in_progress',
      'partially_achieved',
      'achieved',
      'missed',
      'dropped',
    ]);
  });
});
