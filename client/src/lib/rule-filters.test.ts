import { describe, expect, it } from 'vitest';
import { ruleFilters } from './rule-filters.ts';

describe('ruleFilters', () => {
  it('drills down to exactly the goals each counting rule counts', () => {
    expect(ruleFilters('all_goals', '2021-12-31')).toEqual({});
    expect(ruleFilters('short_term', '2021-12-31')).toEqual({ horizon: 'short' });
    expect(ruleFilters('due_by_date', '2021-12-31')).toEqual({ dueBy: '2021-12-31' });
  });
});
