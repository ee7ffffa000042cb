import { describe, expect, it } from 'vitest';
import { berlinDateOf, endOfDayInBerlin, knownAtDate, todayInBerlin } from './berlin.ts';

describe('Berlin time', () => {
  it('knows the date in Düsseldorf when UTC still has the day before', () => {
    expect(todayInBerlin(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(todayInBerlin(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(todayInBerlin(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it.each([
    ['2022-06-30', '2022-06-30T21:59:59.999Z'], // summer time: UTC+2
    ['2021-11-19', '2021-11-19T22:59:59.999Z'], // winter time: UTC+1
    ['2022-03-27', '2022-03-27T21:59:59.999Z'], // the day summer time begins
    ['2022-10-30', '2022-10-30T22:59:59.999Z'], // the day it ends
  ])('ends %s at %s', (day, instant) => {
    expect(endOfDayInBerlin(day)).toBe(instant);
    expect(berlinDateOf(new Date(instant))).toBe(day);
    expect(berlinDateOf(new Date(instant).getTime() + 1)).not.toBe(day);
    expect(knownAtDate(instant)).toBe(day);
  });
});
