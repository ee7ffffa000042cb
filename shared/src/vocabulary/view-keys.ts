/**
 * The view parameters a snapshot keeps: version, track, counting rule, date and the page's
 * filters. Without zod: the first screen builds snapshot views and citable links from it.
 */
export const SNAPSHOT_VIEW_KEYS = [
  'version',
  'track',
  'rule',
  'asOf',
  'ressort',
  'horizon',
  'status',
  'q',
  'dueBy',
  'overdue',
  'sort',
  'order',
  'since',
  'until',
  'interval',
] as const;
export type SnapshotViewKey = (typeof SNAPSHOT_VIEW_KEYS)[number];
