import { describe, expect, it } from 'vitest';
import { goalListLink } from './goal-list-link.ts';

describe('goalListLink', () => {
  it('keeps the point in time and sets the filters, later ones winning', () => {
    expect(goalListLink('?asOf=2021-12-31', { version: '1.0', ressort: 'MWIDE', status: 'achieved' })).toBe(
      '/ziele?asOf=2021-12-31&version=1.0&ressort=MWIDE&status=achieved',
    );
    expect(goalListLink('', { version: '2.0', ressort: 'unknown', dueBy: undefined })).toBe(
      '/ziele?version=2.0&ressort=unknown',
    );
    expect(goalListLink('?version=1.0', { version: '2.0' })).toBe('/ziele?version=2.0');
  });
});
