import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { IsoDate } from '@zielmonitor/shared/schemas/common';
import { countingDay, precisionOf, type DatePrecision } from '@zielmonitor/shared/time/partial-date';

/**
 * CSV as German Excel opens it: UTF-8 with BOM, semicolons, CRLF. A cell that Excel would
 * run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe, and so does a cell that
 * already starts with one, so that reading it back strips exactly one and loses nothing.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export const protectCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
export const unprotectCell = (value: string): string =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;

const lines = (rows: readonly (readonly string[])[]): string =>
  stringify(rows as string[][], { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\n\r";]/ });

/** The BOM and the header line: a file is this and then excelCsvLines, so it can be sent in parts. */
export const excelCsvHead = (headers: readonly string[]): string => `\uFEFF${lines([headers])}`;

/** Data lines, each ending in CRLF, their cells protected from being run as formulas. */
export const excelCsvLines = (rows: readonly (readonly string[])[]): string =>
  lines(rows.map((row) => row.map(protectCell)));

export function toExcelCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${excelCsvHead(headers)}${excelCsvLines(rows)}`;
}

/** Rows of cells; the first row is the header. Accepts ';' (Excel) and ',' as the delimiter. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return rows.map((row, index) => (index === 0 ? row : row.map(unprotectCell)));
}

/**
 * A date as precise as its source, as German Excel reads it: 19.11.2021 for a day, 03/2022 for a
 * month, 2021 for a year — never an invented day. `day` is the stored day (for a month or year its
 * last day, shared/src/time/partial-date.ts).
 */
export function toGermanDate(day: string, precision: DatePrecision = 'day'): string {
  if (precision === 'year') return day.slice(0, 4);
  if (precision === 'month') return `${day.slice(5, 7)}/${day.slice(0, 4)}`;
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** Reads back what toGermanDate writes: `19.11.2021`, `03/2022` or `2021`, as the date a source states. */
export const germanStatedDate = z
  .string()
  .trim()
  .regex(/^(\d{2}\.\d{2}\.\d{4}|\d{2}\/\d{4}|\d{4})$/, { message: 'Datum als TT.MM.JJJJ, MM/JJJJ oder JJJJ erwartet' })
  .transform((v) => {
    if (v.length === 4) return v;
    if (v.length === 7) return `${v.slice(3, 7)}-${v.slice(0, 2)}`;
    return `${v.slice(6, 10)}-${v.slice(3, 5)}-${v.slice(0, 2)}`;
  })
  .refine((stated) => IsoDate.safeParse(countingDay(stated)).success, { message: 'Dieses Datum gibt es nicht' })
  .transform((stated) => ({ day: countingDay(stated), precision: precisionOf(stated) }));
