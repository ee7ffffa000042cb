import { describe, expect, it } from 'vitest';
import { multiLineText, singleLineText } from './text.ts';
import { DATE_RANGE, IsoDate } from './common.ts';

const loneHigh = 'Ziel \uD83D erreicht';
const loneLow = 'Ziel \uDE00 erreicht';

describe('singleLineText', () => {
  it('accepts ordinary text, umlauts and whole emoji', () => {
    expect(singleLineText().parse('Glasfaser für 95 % – „bis 2025“ 😀')).toBe('Glasfaser für 95 % – „bis 2025“ 😀');
  });
  it.each([
    ['NUL', 'a\u0000b'],
    ['line feed', 'a\nb'],
    ['tab', 'a\tb'],
    ['carriage return', 'a\rb'],
    ['form feed', 'a\u000Cb'],
    ['escape', 'a\u001Bb'],
  ])('refuses %s with a German message', (_name, value) => {
    const result = singleLineText().safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Steuerzeichen/);
  });
  it.each([loneHigh, loneLow, 'a\uFFFEb', 'a\uFFFF'])('refuses badly formed Unicode %j', (value) => {
    const result = singleLineText().safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Unicode/);
  });
});

describe('multiLineText', () => {
  it('keeps tab and line feed and reads CR LF as a line feed', () => {
    expect(multiLineText().parse('Zeile 1\r\nZeile 2\n\tEingerückt')).toBe('Zeile 1\nZeile 2\n\tEingerückt');
  });
  it.each(['a\u0000b', 'a\rb', 'a\u000Bb', 'a\u0008b', loneHigh, loneLow])('refuses %j', (value) => {
    expect(multiLineText().safeParse(value).success).toBe(false);
  });
  it('chains with trim and max as a plain string does', () => {
    const note = multiLineText().trim().max(5);
    expect(note.parse('  abc \n')).toBe('abc');
    expect(note.safeParse('abcdef').success).toBe(false);
  });
});

describe('IsoDate bounds', () => {
  it('accepts the first and last day of the range', () => {
    expect(IsoDate.parse(DATE_RANGE.min)).toBe('1990-01-01');
    expect(IsoDate.parse(DATE_RANGE.max)).toBe('2100-12-31');
  });
  it.each(['1989-12-31', '2101-01-01', '0999-01-01', '0000-01-01', '9999-12-31'])(
    'refuses %s naming the range',
    (v) => {
      const result = IsoDate.safeParse(v);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
      expect(result.error?.issues[0]?.message).toBe('Datum zwischen 1990 und 2100 erwartet');
    },
  );
});
