import { describe, expect, it } from 'vitest';
import { StatusUpdateBody } from '@zielmonitor/shared/schemas/status-update';
import { fieldErrors } from './field-errors.ts';

describe('fieldErrors', () => {
  it('keeps the first message per field, by dotted path', () => {
    expect(
      fieldErrors([
        { path: ['note'], message: 'a' },
        { path: ['note'], message: 'b' },
        { path: ['evidence', 'url'], message: 'c' },
        { path: [], message: 'd' },
      ]),
    ).toEqual({ note: 'a', 'evidence.url': 'c', form: 'd' });
  });

  it('turns the shared status schema’s refusals into field messages the form shows', () => {
    const parsed = StatusUpdateBody.safeParse({
      status: 'achieved',
      effectiveDate: '2099-01-01',
      note: '',
      evidence: {},
      expectedRevision: 0,
    });
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error?.issues ?? []);
    expect(Object.keys(errors).sort()).toEqual(['effectiveDate', 'note']);
    expect(errors.effectiveDate).toBe('Das Datum liegt in der Zukunft');
  });
});
