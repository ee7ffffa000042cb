import type { Status } from '@zielmonitor/shared/schemas/common';

/**
 * Status colours from the Okabe–Ito palette, darkened to reach at least 4.3:1 against
 * white; each status also has its own pattern, so colour never carries meaning alone.
 */
export const STATUS_STYLE: Record<
  Status,
  { color: string; pattern: 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross' | 'vertical' | 'grid' }
> = {
  achieved: { color: '#007a5a', pattern: 'solid' },
  partially_achieved: { color: '#286fa0', pattern: 'diagonal' },
  in_progress: { color: '#1b4f8a', pattern: 'dots' },
  planned: { color: '#8a6d00', pattern: 'horizontal' },
  missed: { color: '#c14a00', pattern: 'cross' },
  dropped: { color: '#a0467e', pattern: 'vertical' },
  unknown: { color: '#6b6b6b', pattern: 'grid' },
};

/** The order statuses are stacked and listed in: achieved first, unknown last. */
export const STATUS_ORDER: readonly Status[] = [
  'achieved',
  'partially_achieved',
  'in_progress',
  'planned',
  'missed',
  'dropped',
  'unknown',
];

/** recharts names a series by its data key: a status, for every series the charts draw. */
export function isStatus(value: unknown): value is Status {
  return STATUS_ORDER.some((status) => status === value);
}
