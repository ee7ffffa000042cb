import { describe, expect, it } from 'vitest';
import { changeKind } from './change-kinds.ts';

describe('changeKind', () => {
  it.each([
    [null, 'in_progress', false, 'first_report'],
    ['planned', 'in_progress', false, 'progress'],
    ['in_progress', 'achieved', false, 'progress'],
    ['achieved', 'in_progress', false, 'setback'],
    ['in_progress', 'missed', false, 'setback'],
    ['partially_achieved', 'dropped', false, 'setback'],
    ['missed', 'achieved', false, 'progress'],
    ['missed', 'in_progress', false, 'progress'],
    ['in_progress', 'in_progress', false, 'confirmation'],
    ['achieved', 'in_progress', true, 'correction'],
    [null, 'achieved', true, 'correction'],
  ] as const)('%s → %s (correction: %s) is %s', (from, to, correction, kind) => {
    expect(changeKind(from, to, correction)).toBe(kind);
  });
});
