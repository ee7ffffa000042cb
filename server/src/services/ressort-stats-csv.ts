import { STATUSES, type Track } from '@zielmonitor/shared/schemas/common';
import type { CountingRule } from '@zielmonitor/shared/schemas/counting-rule';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import { COUNTING_RULE_TEXT } from '@zielmonitor/shared/vocabulary/counting-rules';
import { STATUS_LABEL_DE, TRACK_LABELS } from '@zielmonitor/shared/vocabulary/labels';
import type { ExportStamp } from './export-stamp.ts';

/** The overview's per-Ressort table as German Excel reads it: the same columns, words and figures. */
export const RESSORT_STATS_CSV_HEADERS = [
  'Ressort',
  'Ressort (Name)',
  'Ziele',
  ...STATUSES.map((status) => STATUS_LABEL_DE[status]),
  'Erfüllungsquote (%)',
  'Wessen Einschätzung',
  'Zählweise',
  'Stand und Grundlage',
  'Link zum Zitieren',
];

const percent = (rate: number) => (Math.round(rate * 1000) / 10).toString().replace('.', ',');

export function ressortStatsRows(
  items: readonly RessortStat[],
  track: Track,
  rule: CountingRule,
  stamp: ExportStamp,
): string[][] {
  return items.map((item) => [
    item.ressort === 'unknown' ? 'Ressort nicht belegt' : item.ressort,
    item.ressortName ?? '',
    String(item.total),
    ...STATUSES.map((status) => String(item.byStatus[status])),
    percent(item.fulfilmentRate),
    TRACK_LABELS.de[track],
    COUNTING_RULE_TEXT[rule].de.label,
    stamp.text,
    stamp.citableUrl,
  ]);
}
