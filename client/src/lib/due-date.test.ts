import { describe, expect, it } from 'vitest';
import { formatDueDate } from './due-date.ts';

describe('formatDueDate', () => {
  it('shows an explicit due date as precise as its source, not its counting day', () => {
    const due = { effectiveDueDate: '2022-12-31', dueDateSource: 'explicit' as const };
    expect(formatDueDate({ ...due, dueDatePrecision: 'year' }, 'de')).toBe('2022');
    expect(formatDueDate({ ...due, effectiveDueDate: '2022-03-31', dueDatePrecision: 'month' }, 'de')).toBe(
      'März 2022',
    );
    expect(formatDueDate({ ...due, dueDatePrecision: 'day' }, 'de')).toBe('31.12.2022');
  });

  it('shows a date derived from the horizon as the day it is, and nothing when there is none', () => {
    const derived = {
      effectiveDueDate: '2023-11-19',
      dueDateSource: 'horizon' as const,
      dueDatePrecision: 'day' as const,
    };
    expect(formatDueDate(derived, 'de')).toBe('19.11.2023');
    expect(formatDueDate({ effectiveDueDate: null, dueDateSource: null, dueDatePrecision: 'day' }, 'en')).toBeNull();
  });
});
