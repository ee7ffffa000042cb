import { describe, expect, it } from 'vitest';
import { compareRessorts, UNKNOWN_RESSORT } from './ressort-order.ts';

const r = (ressort: string, fulfilmentRate: number, total: number) => ({ ressort, fulfilmentRate, total });

describe('compareRessorts', () => {
  it('orders by fulfilment rate, then size, then code, with unknown last whatever its rate', () => {
    const sorted = [
      r('MSB', 0.5, 2),
      r(UNKNOWN_RESSORT, 1, 9),
      r('MKW', 0, 3),
      r('FM', 0.5, 4),
      r('AA', 0.5, 4),
      r('IM', 1, 1),
    ].sort(compareRessorts);
    expect(sorted.map((s) => s.ressort)).toEqual(['IM', 'AA', 'FM', 'MSB', 'MKW', UNKNOWN_RESSORT]);
  });
});
