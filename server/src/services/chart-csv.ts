import { STATUSES, type Track } from '@zielmonitor/shared/schemas/common';
import type { TimelinePoint } from '@zielmonitor/shared/schemas/timeline';
import type { SankeyData } from '@zielmonitor/shared/lineage/flows';
import { STATUS_LABEL_DE, TRACK_LABELS } from '@zielmonitor/shared/vocabulary/labels';
import { toGermanDate } from '../lib/csv.ts';
import type { ExportStamp } from './export-stamp.ts';

/**
 * The data tables of the Verlauf and the 44 → 78 chart as German Excel reads them: the same
 * columns and words as the tables under the charts, each row stamped like the view.
 */
const STAMP_HEADERS = ['Stand und Grundlage', 'Link zum Zitieren'];

export const TIMELINE_CSV_HEADERS = [
  'Stichtag',
  'Ressort',
  'Wessen Einschätzung',
  'Ziele',
  ...STATUSES.map((status) => STATUS_LABEL_DE[status]),
  ...STAMP_HEADERS,
];

export function timelineRows(
  points: readonly TimelinePoint[],
  ressort: string | null,
  track: Track,
  stamp: ExportStamp,
): string[][] {
  return points.map((point) => [
    toGermanDate(point.date),
    ressort ?? 'alle Ressorts',
    TRACK_LABELS.de[track],
    String(point.total),
    ...STATUSES.map((status) => String(point.byStatus[status])),
    stamp.text,
    stamp.citableUrl,
  ]);
}

export const LINEAGE_CSV_HEADERS = ['von', 'nach', 'Zahl der Ziele', 'Ziele', ...STAMP_HEADERS];

export function lineageRows(sankey: SankeyData, stamp: ExportStamp): string[][] {
  return sankey.flows.map((flow) => [
    flow.from,
    flow.to,
    String(flow.goals.length),
    flow.goals.map((goal) => `${goal.id} ${goal.title}`).join(' | '),
    stamp.text,
    stamp.citableUrl,
  ]);
}
