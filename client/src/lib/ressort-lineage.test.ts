import { describe, expect, it } from 'vitest';
import type { Ressort } from '@zielmonitor/shared/schemas/ressort';
import { responsibilityLine } from './ressort-lineage.ts';

const r = (code: string, successors: [string, string][] = []): Ressort => ({
  code,
  name: code,
  validFrom: null,
  validTo: null,
  successors: successors.map(([c, note]) => ({ code: c, note })),
});

describe('responsibilityLine', () => {
  it('follows successions back through every predecessor, once each', () => {
    const ressorts = [
      r('MWIDE', [
        ['MWIKE', 'Wirtschaft'],
        ['MHKBD', 'Digitalisierung'],
      ]),
      r('MHKBG', [['MHKBD', 'Heimat, Bau']]),
      r('MHKBD'),
      r('MWIKE'),
      r('OLD', [['MWIDE', 'älter']]),
    ];
    expect(responsibilityLine(ressorts, 'MHKBD')).toEqual([
      { code: 'MHKBD', via: null, note: null },
      { code: 'MWIDE', via: 'MHKBD', note: 'Digitalisierung' },
      { code: 'MHKBG', via: 'MHKBD', note: 'Heimat, Bau' },
      { code: 'OLD', via: 'MWIDE', note: 'älter' },
    ]);
    expect(responsibilityLine(ressorts, 'MWIKE').map((l) => l.code)).toEqual(['MWIKE', 'MWIDE', 'OLD']);
  });
});
