import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatNumber, formatPercent, wordingAddsToDate } from './format.ts';

/** What Intl.DateTimeFormat says: the written-out formatter must agree with it everywhere. */
const oracle = Object.fromEntries(
  (['de', 'en'] as const).flatMap((lang) =>
    [true, false].map((day) => [
      `${lang} ${day}`,
      new Intl.DateTimeFormat(
        lang === 'de' ? 'de-DE' : 'en-GB',
        day
          ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
          : { month: 'long', year: 'numeric', timeZone: 'UTC' },
      ),
    ]),
  ),
);
function intl(iso: string, lang: 'de' | 'en', day: boolean) {
  const [y, m, d] = iso.split('-').map(Number);
  return oracle[`${lang} ${day}`]?.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)));
}

describe('formatDate', () => {
  it('agrees with Intl.DateTimeFormat on every day from 2018 to 2031, in German and English', () => {
    for (let t = Date.UTC(2018, 0, 1); t <= Date.UTC(2031, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      for (const lang of ['de', 'en'] as const) {
        expect(formatDate(iso, lang)).toBe(intl(iso, lang, true));
        if (iso.endsWith('-01')) expect(formatDate(iso.slice(0, 7), lang)).toBe(intl(iso, lang, false));
      }
    }
  });

  it("keeps a date's precision, reads timestamps by their date, and says when there is none", () => {
    expect(formatDate('2021-11-19', 'de')).toBe('19.11.2021');
    expect(formatDate('2021-11-19T23:30:00.000Z', 'en')).toBe('19/11/2021');
    expect(formatDate('2021-11', 'de')).toBe('November 2021');
    expect(formatDate('2022-03', 'de')).toBe('März 2022');
    expect(formatDate('2021', 'de')).toBe('2021');
    expect(formatDate(null, 'de')).toBe('–');
    expect(formatDate('', 'en')).toBe('–');
  });
});

describe('numbers', () => {
  const number = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
  const percent = {
    de: new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 }),
    en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 }),
  };

  it('agrees with Intl.NumberFormat on whole numbers of every size, negative ones included', () => {
    for (const n of [0, 7, 42, 999, 1000, 1234, 99_999, 100_000, 1_234_567, 1_000_000_000, -1, -1234, -987_654]) {
      for (const lang of ['de', 'en'] as const) expect(formatNumber(n, lang)).toBe(number[lang].format(n));
    }
  });

  it('agrees with Intl.NumberFormat on every rate a of b up to 200 goals, halves included', () => {
    for (let b = 1; b <= 200; b++) {
      for (let a = 0; a <= b; a++) {
        for (const lang of ['de', 'en'] as const) expect(formatPercent(a / b, lang)).toBe(percent[lang].format(a / b));
      }
    }
    expect(formatPercent(29 / 200, 'de')).toBe('15\u00a0%');
  });
});

describe('decimals', () => {
  it.each([
    [49.982, 'de', '50'],
    [98.7, 'de', '98,7'],
    [40000, 'de', '40.000'],
    [1234567.25, 'en', '1,234,567.3'],
    [-21.96, 'de', '-22'],
  ] as const)('%d (%s) → %s', (n, lang, expected) => {
    expect(formatDecimal(n, lang)).toBe(expected);
  });
});

describe('wordingAddsToDate', () => {
  it('leaves out a wording that only repeats the date shown, in any of its forms', () => {
    expect(wordingAddsToDate('2021-09', '2021-09-30', 'month', 'de')).toBe(false);
    expect(wordingAddsToDate('September 2021', '2021-09-30', 'month', 'de')).toBe(false);
    expect(wordingAddsToDate('2021', '2021-09-30', 'month', 'de')).toBe(false);
    expect(wordingAddsToDate('18.11.2021', '2021-11-18', 'day', 'de')).toBe(false);
  });

  it('keeps a wording that says more than the date', () => {
    expect(wordingAddsToDate('Mitte 2021', '2021-07-31', 'month', 'de')).toBe(true);
    expect(wordingAddsToDate('2023 (nach dem 2. Halbjahr 2022)', '2023-12-31', 'year', 'de')).toBe(true);
    expect(wordingAddsToDate('März 2022', '2022-03-31', 'month', 'en')).toBe(true);
  });
});
