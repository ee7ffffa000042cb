import { describe, expect, it } from 'vitest';
import { emptyByStatus } from '@zielmonitor/shared/schemas/stats';
import { timelineSummary, toTimelineRows } from './shape-timeline.ts';

const point = (date: string, counts: Partial<ReturnType<typeof emptyByStatus>>) => {
  const byStatus = { ...emptyByStatus(), ...counts };
  return { date, total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
};

describe('toTimelineRows and timelineSummary', () => {
  it('flattens the counts and summarises first against last', () => {
    const rows = toTimelineRows([
      point('2020-12-31', { unknown: 3, in_progress: 1 }),
      point('2021-12-31', { achieved: 2, unknown: 2 }),
    ]);
    expect(rows[1]).toEqual({
      date: '2021-12-31',
      total: 4,
      achieved: 2,
      partially_achieved: 0,
      in_progress: 0,
      planned: 0,
      missed: 0,
      dropped: 0,
      unknown: 2,
    });
    expect(timelineSummary(rows)).toEqual({
      from: '2020-12-31',
      to: '2021-12-31',
      achievedFrom: 0,
      achievedTo: 2,
      total: 4,
    });
    expect(timelineSummary([])).toBeNull();
  });
});
