import { describe, expect, it } from 'vitest';
import { AVOIDED } from '@zielmonitor/shared/vocabulary/glossary';
import { de } from './messages-de.ts';

/** Every text of a message catalogue: strings, and functions called with sample arguments. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const samples = [
      ['MWIDE', 'MWIKE', '2.0', 3, 7],
      [3, 7, '30.06.2022', 'MWIDE'],
    ];
    return samples.flatMap((args) => {
      try {
        const out = fn(...args);
        return typeof out === 'string' ? [[`${path}()`, out] as [string, string]] : [];
      } catch {
        return [];
      }
    });
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => texts(inner, path ? `${path}.${key}` : key));
  return [];
}

describe('the German messages keep to the glossary', () => {
  it('use none of the words the glossary avoids, and no placeholders', () => {
    // Placeholders only in plain strings: a function's output depends on the sample arguments.
    const found = texts(de).filter(
      ([path, text]) =>
        AVOIDED.test(text) || (!path.endsWith('()') && /\bundefined\b|\[object Object\]|\$\{/.test(text)),
    );
    expect(found).toEqual([]);
  });

  it('the check finds an avoided word', () => {
    expect(AVOIDED.test('Die Zählregel ist: alle Ziele')).toBe(true);
    expect(AVOIDED.test('Die Zählweise ist: alle Ziele')).toBe(false);
  });
});
