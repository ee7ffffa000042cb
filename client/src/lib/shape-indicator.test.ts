import { describe, expect, it } from 'vitest';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import { dayNumber, indicatorSeries } from './shape-indicator.ts';

const reading = (id: number, date: string, value: number, track: 'official' | 'independent', superseded = false) =>
  ({
    id,
    date,
    value,
    track,
    superseded: superseded ? { kind: 'withdrawal' } : null,
  }) as unknown as IndicatorDetail['readings'][number];

describe('the indicator chart data', () => {
  const path: IndicatorDetail['path'] = [
    { kind: 'baseline', date: '2019-02-28', value: 16 },
    { kind: 'interim', date: '2020-12-31', value: 60 },
    { kind: 'target', date: '2022-12-31', value: 100 },
  ];

  it('puts each track on its own series, leaves superseded readings out, and continues the plan after the target', () => {
    const series = indicatorSeries({
      path,
      readings: [
        reading(1, '2023-08-31', 67, 'independent'),
        reading(2, '2020-07-31', 28, 'independent'),
        reading(3, '2021-04-30', 62, 'official'),
        reading(4, '2021-05-31', 10, 'official', true),
      ],
    });
    expect(series.points).toEqual([
      { t: dayNumber('2019-02-28'), plan: 16 },
      { t: dayNumber('2020-07-31'), independent: 28 },
      { t: dayNumber('2020-12-31'), plan: 60 },
      { t: dayNumber('2021-04-30'), official: 62 },
      { t: dayNumber('2022-12-31'), plan: 100 },
      { t: dayNumber('2023-08-31'), independent: 67 },
      { t: dayNumber('2023-08-31'), plan: 100 },
    ]);
    expect(series.markers.map((m) => m.kind)).toEqual(['baseline', 'interim', 'target']);
    expect(series.yearTicks).toEqual(['2019', '2020', '2021', '2022', '2023'].map((y) => dayNumber(`${y}-01-01`)));
  });

  it('draws readings alone when there is no path', () => {
    const series = indicatorSeries({ path: [], readings: [reading(1, '2023-12-31', 89.3, 'independent')] });
    expect(series.points).toEqual([{ t: dayNumber('2023-12-31'), independent: 89.3 }]);
    expect(series.markers).toEqual([]);
  });
});
