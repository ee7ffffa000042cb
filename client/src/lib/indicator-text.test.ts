import { describe, expect, it } from 'vitest';
import { formatValue } from '@zielmonitor/shared/indicators/words';
import { gapSentence } from './indicator-text.ts';
import { indicatorsDe } from './messages-indicators-de.ts';
import { indicatorsEn } from './messages-indicators-en.ts';

const percent = { unit: 'percent' as const, unitSingular: null, unitPlural: null };
const services = { unit: 'count' as const, unitSingular: 'Dienstleistung', unitPlural: 'Dienstleistungen' };

describe('the gap in words, computed from the rating', () => {
  it.each([
    [
      'behind, to the month',
      { planned: 49.982, aheadBy: -21.982 },
      { value: 28, qualifier: 'exact', date: '2020-07-31', datePrecision: 'month' },
      percent,
      '28\u00a0% statt der geplanten 50\u00a0% im Juli 2020 – 22 Prozentpunkte hinter dem Plan',
    ],
    [
      'ahead, to the day, with a bound',
      { planned: 63.2, aheadBy: 29.8 },
      { value: 93, qualifier: 'at_least', date: '2020-07-31', datePrecision: 'day' },
      percent,
      'mindestens 93\u00a0% statt der geplanten 63,2\u00a0% am 31.07.2020 – 29,8 Prozentpunkte vor dem Plan',
    ],
    [
      'one percentage point, to the year',
      { planned: 73, aheadBy: 1 },
      { value: 74, qualifier: 'about', date: '2022-12-31', datePrecision: 'year' },
      percent,
      'etwa 74\u00a0% statt der geplanten 73\u00a0% im Jahr 2022 – 1 Prozentpunkt vor dem Plan',
    ],
    [
      'a count, exactly on the path',
      { planned: 70, aheadBy: 0 },
      { value: 70, qualifier: 'exact', date: '2021-12-02', datePrecision: 'day' },
      services,
      '70 Dienstleistungen am 02.12.2021 – genau auf dem Plan',
    ],
    [
      'a count behind, in thousands',
      { planned: 40000, aheadBy: -1 },
      { value: 39999, qualifier: 'exact', date: '2020-12-31', datePrecision: 'year' },
      services,
      '39.999 Dienstleistungen statt der geplanten 40.000 Dienstleistungen im Jahr 2020 – 1 Dienstleistung hinter dem Plan',
    ],
  ] as const)('%s', (_name, rating, reading, unit, expected) => {
    expect(gapSentence(rating, reading, unit, indicatorsDe, 'de')).toBe(expected);
  });

  it('says nothing without a path value', () => {
    const reading = { value: 28, qualifier: 'exact', date: '2020-07-31', datePrecision: 'month' } as const;
    expect(gapSentence({ planned: null, aheadBy: null }, reading, percent, indicatorsDe, 'de')).toBeNull();
  });

  it('speaks English too', () => {
    const reading = { value: 28, qualifier: 'exact', date: '2020-07-31', datePrecision: 'month' } as const;
    expect(gapSentence({ planned: 50, aheadBy: -22 }, reading, percent, indicatorsEn, 'en')).toBe(
      '28% instead of the planned 50% in July 2020 – 22 percentage points behind plan',
    );
  });
});

describe('numbers', () => {
  it('uses the singular for one counted thing', () => {
    expect(formatValue(1, services, 'de')).toBe('1 Dienstleistung');
  });
});
