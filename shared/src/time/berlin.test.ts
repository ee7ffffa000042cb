import { describe, expect, it } from 'vitest';
import {
  berlinDateOf,
  berlinTimeOf,
  endOfDayInBerlin,
  isLateReport,
  knownAtDate,
  startOfDayInBerlin,
  todayInBerlin,
} from './berlin.ts';

describe('Berlin time', () => {
  it('agrees with Intl on the date and time in Berlin for every hour of 1996–2040', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const mismatches: string[] = [];
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2041, 0, 1); t += 3_600_000) {
      // Each hour and the millisecond before it: the clocks change on the hour.
      for (const instant of [t, t - 1]) {
        const ours = `${berlinDateOf(instant)} ${berlinTimeOf(instant)}`;
        const theirs = intl.format(instant);
        if (ours !== theirs) mismatches.push(`${new Date(instant).toISOString()}: ${ours} ≠ ${theirs}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 60_000);

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

  it.each([
    ['2022-06-30', '2022-06-29T22:00:00.000Z'],
    ['2021-11-19', '2021-11-18T23:00:00.000Z'],
    ['2022-03-27', '2022-03-26T23:00:00.000Z'],
    ['2022-10-31', '2022-10-30T23:00:00.000Z'],
  ])('starts %s at %s', (day, instant) => {
    expect(startOfDayInBerlin(day)).toBe(instant);
    expect(berlinDateOf(new Date(instant))).toBe(day);
    expect(berlinDateOf(new Date(instant).getTime() - 1)).not.toBe(day);
  });
});

describe('isLateReport', () => {
  it('marks a report entered more than 90 days after it took effect, by the Berlin date it was entered', () => {
    expect(isLateReport('2026-01-01', '2026-04-01T10:00:00Z')).toBe(false); // 90 days
    expect(isLateReport('2026-01-01', '2026-04-02T10:00:00Z')).toBe(true); // 91 days
    expect(isLateReport('2026-01-01', '2026-04-01T22:30:00Z')).toBe(true); // already 2 April in Berlin
    expect(isLateReport('2026-11-30', '2026-11-30T09:00:00Z')).toBe(false);
  });
});
