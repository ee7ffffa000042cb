import type { DatePrecision, SourceRef, Track } from '@zielmonitor/shared/schemas/common';
import type { Supersession } from '@zielmonitor/shared/schemas/indicator';
import type { Direction, Qualifier, TargetKind } from '@zielmonitor/shared/indicators/trajectory';

/** Rows of the indicator tables, mapped from snake_case at the boundary. */
export type IndicatorRow = {
  id: string;
  name: string;
  measure: string;
  unit: 'percent' | 'count';
  unit_singular: string | null;
  unit_plural: string | null;
  direction: Direction;
  note: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
};

type SourceColumns = {
  source_id: string | null;
  source_title: string | null;
  source_url: string | null;
  source_date: string | null;
  source_publisher: string | null;
};

export type RawTarget = SourceColumns & {
  id: number;
  indicator_id: string;
  kind: TargetKind;
  value: number;
  date: string;
  date_precision: DatePrecision;
  date_wording: string | null;
  wording: string | null;
  note: string | null;
  evidence_url: string | null;
  evidence_reference: string | null;
};

export type RawReading = SourceColumns & {
  id: number;
  indicator_id: string;
  value: number;
  qualifier: Qualifier;
  value_wording: string | null;
  date: string;
  date_precision: DatePrecision;
  date_wording: string | null;
  reporter: string;
  track: Track;
  note: string | null;
  evidence_url: string | null;
  evidence_reference: string | null;
  recorded_at: string;
  reported_by_user_id: number | null;
  organisation: string | null;
  s_kind: Supersession['kind'] | null;
  s_reason: string | null;
  s_recorded_at: string | null;
  s_replacement: number | null;
  s_by: string | null;
};

export type TargetRow = {
  id: number;
  kind: TargetKind;
  value: number;
  date: string;
  datePrecision: DatePrecision;
  dateWording: string | null;
  wording: string | null;
  note: string | null;
  source: SourceRef | null;
  evidence: { url: string | null; reference: string | null };
};

export type ReadingRow = Omit<TargetRow, 'kind' | 'wording'> & {
  indicatorId: string;
  qualifier: Qualifier;
  valueWording: string | null;
  reporter: string;
  track: Track;
  recordedAt: string;
  reportedByUserId: number | null;
  /** For an independent reading: the organisation it was written for (who may correct it). */
  organisation: string | null;
  superseded: Supersession | null;
};

const source = (row: SourceColumns): SourceRef | null =>
  row.source_id === null || row.source_title === null
    ? null
    : {
        id: row.source_id,
        title: row.source_title,
        url: row.source_url,
        date: row.source_date,
        publisher: row.source_publisher,
      };

export const toTargetRow = (row: RawTarget): TargetRow => ({
  id: row.id,
  kind: row.kind,
  value: row.value,
  date: row.date,
  datePrecision: row.date_precision,
  dateWording: row.date_wording,
  wording: row.wording,
  note: row.note,
  source: source(row),
  evidence: { url: row.evidence_url, reference: row.evidence_reference },
});

export const toReadingRow = (row: RawReading): ReadingRow => ({
  id: row.id,
  indicatorId: row.indicator_id,
  value: row.value,
  qualifier: row.qualifier,
  valueWording: row.value_wording,
  date: row.date,
  datePrecision: row.date_precision,
  dateWording: row.date_wording,
  reporter: row.reporter,
  track: row.track,
  note: row.note,
  source: source(row),
  evidence: { url: row.evidence_url, reference: row.evidence_reference },
  recordedAt: row.recorded_at,
  reportedByUserId: row.reported_by_user_id,
  organisation: row.organisation,
  superseded:
    row.s_kind && row.s_reason && row.s_recorded_at
      ? {
          kind: row.s_kind,
          reason: row.s_reason,
          recordedAt: row.s_recorded_at,
          replacementReadingId: row.s_replacement,
          by: row.s_by,
        }
      : null,
});
