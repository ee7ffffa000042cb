import { describe, expect, it } from 'vitest';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import { emptyByStatus } from '@zielmonitor/shared/schemas/stats';
import { headline, presentStatuses, toRessortRows, zeroAchievementRessorts } from './shape-ressort-stats.ts';

const stat = (
  ressort: string,
  counts: Partial<RessortStat['byStatus']>,
  name: string | null = `Ministerium ${ressort}`,
): RessortStat => {
  const byStatus = { ...emptyByStatus(), ...counts };
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    ressort,
    ressortName: name,
    total,
    byStatus,
    achieved: byStatus.achieved,
    fulfilmentRate: total ? byStatus.achieved / total : 0,
  };
};

const items = [
  stat('unknown', { achieved: 3 }, null),
  stat('MSB', { in_progress: 2 }),
  stat('MWIDE', { achieved: 2, in_progress: 6 }),
  stat('VM', { unknown: 5 }),
  stat('MKW', { achieved: 1 }),
];

describe('toRessortRows', () => {
  it('sorts by fulfilment, then size, with the unknown group last, and carries full names for the tooltip', () => {
    const rows = toRessortRows(items, 'Ressort nicht belegt');
    expect(rows.map((r) => r.code)).toEqual(['MKW', 'MWIDE', 'VM', 'MSB', 'unknown']);
    expect(rows[1]).toMatchObject({
      label: 'MWIDE',
      name: 'Ministerium MWIDE',
      total: 8,
      achieved: 2,
      rate: 0.25,
      in_progress: 6,
    });
    expect(rows[4]).toMatchObject({ label: 'Ressort nicht belegt', name: 'Ressort nicht belegt' });
  });
});

describe('zeroAchievementRessorts', () => {
  it('lists every Ressort with goals and none achieved, largest first, never the unknown group', () => {
    expect(zeroAchievementRessorts(items).map((r) => [r.ressort, r.total])).toEqual([
      ['VM', 5],
      ['MSB', 2],
    ]);
    expect(zeroAchievementRessorts([stat('unknown', { planned: 4 }, null)])).toEqual([]);
  });
});

describe('headline', () => {
  it('adds up every status over all Ressorts', () => {
    expect(headline(items)).toMatchObject({ total: 19, achieved: 6, in_progress: 8, unknown: 5, missed: 0 });
  });
});

describe('presentStatuses', () => {
  it('keeps the stacking order and only the statuses some Ressort has goals in', () => {
    expect(presentStatuses(toRessortRows(items, '?'))).toEqual(['achieved', 'in_progress', 'unknown']);
    expect(presentStatuses(toRessortRows([stat('VM', { missed: 1, planned: 2 })], '?'))).toEqual(['planned', 'missed']);
    expect(presentStatuses([])).toEqual([]);
  });
});
