import { describe, expect, it } from 'vitest';
import { countingDay, periodStart, precisionOf, statedDate } from './partial-date.ts';

describe('dates as precise as their source', () => {
  it.each([
    ['2021', 'year', '2021-12-31', '2021-01-01'],
    ['2022-03', 'month', '2022-03-31', '2022-03-01'],
    ['2024-02', 'month', '2024-02-29', '2024-02-01'],
    ['2023-02', 'month', '2023-02-28', '2023-02-01'],
    ['2021-11-19', 'day', '2021-11-19', '2021-11-19'],
  ] as const)('%s has precision %s, counts from %s and covers from %s', (stated, precision, day, start) => {
    expect(precisionOf(stated)).toBe(precision);
    expect(countingDay(stated)).toBe(day);
    expect(periodStart(stated)).toBe(start);
    expect(statedDate(day, precision)).toBe(stated);
  });
});
