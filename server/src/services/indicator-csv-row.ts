import type { Reading } from '@zielmonitor/shared/schemas/indicator';
import {
  QUALIFIER_LABELS,
  READING_CSV_COLUMNS,
  TRACK_LABELS,
  type ReadingCsvKey,
} from '@zielmonitor/shared/schemas/indicator-csv';
import { toGermanDate } from '../lib/csv.ts';
import type { IndicatorRow } from '../repositories/indicator-rows.ts';

const RATING_LABELS = { on_track: 'auf Kurs', behind: 'hinter dem Plan', not_assessable: 'nicht bewertbar' } as const;

/** 98.7 → "98,7": the decimal comma German Excel reads as a number; no thousands separator. */
const germanNumber = (n: number): string => String(n).replace('.', ',');
const roundedNumber = (n: number | null) => (n === null ? '' : germanNumber(Math.round(n * 10) / 10));

const side = (aheadBy: number | null) => {
  if (aheadBy === null) return '';
  const rounded = Math.round(aheadBy * 10) / 10;
  return rounded > 0 ? 'vor dem Plan' : rounded < 0 ? 'hinter dem Plan' : 'auf dem Plan';
};

/** A date as precise as its source: 19.11.2021, 11/2021 or 2021. */
function statedCell(day: string, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return day.slice(0, 4);
  if (precision === 'month') return `${day.slice(5, 7)}/${day.slice(0, 4)}`;
  return toGermanDate(day);
}

/** The stated form back: "11/2021" → 2021-11; null when the cell is no date of these forms. */
export function parseStatedCell(cell: string): string | null {
  const value = cell.trim();
  if (/^\d{4}$/.test(value)) return value;
  const month = /^(\d{2})\/(\d{4})$/.exec(value);
  if (month) return Number(month[1]) >= 1 && Number(month[1]) <= 12 ? `${month[2]}-${month[1]}` : null;
  const day = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  if (!day) return null;
  const iso = `${day[3]}-${day[2]}-${day[1]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** One CSV row per reading, in the columns of READING_CSV_COLUMNS. */
export function readingCsvRow(indicator: IndicatorRow, r: Reading): string[] {
  const values: Record<ReadingCsvKey, string> = {
    id: String(r.id),
    indicatorId: r.indicatorId,
    indicator: indicator.name,
    unit: indicator.unit === 'percent' ? 'Prozent' : (indicator.unit_plural ?? 'Anzahl'),
    value: germanNumber(r.value),
    qualifier: QUALIFIER_LABELS[r.qualifier],
    valueWording: r.valueWording ?? '',
    date: statedCell(r.date, r.datePrecision),
    dateWording: r.dateWording ?? '',
    track: TRACK_LABELS[r.track],
    reporter: r.reporter,
    note: r.note ?? '',
    sourceId: r.source?.id ?? '',
    evidenceUrl: r.evidence.url ?? '',
    evidenceReference: r.evidence.reference ?? '',
    recordedAt: toGermanDate(r.recordedAt.slice(0, 10)),
    superseded: r.superseded
      ? `${r.superseded.kind === 'correction' ? 'berichtigt' : 'zurückgezogen'} am ${toGermanDate(r.superseded.recordedAt.slice(0, 10))}: ${r.superseded.reason}`
      : '',
    rating: r.superseded ? '' : RATING_LABELS[r.rating.state],
    planned: roundedNumber(r.rating.planned),
    // Unsigned, with the side in words: a leading minus would be protected as a formula start.
    gap: roundedNumber(r.rating.aheadBy === null ? null : Math.abs(r.rating.aheadBy)),
    side: side(r.rating.aheadBy),
  };
  return READING_CSV_COLUMNS.map((c) => values[c.key]);
}
