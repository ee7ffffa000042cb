import { parse } from 'csv-parse/sync';
import { parse as parseStream } from 'csv-parse';
import { timeSlices } from './time-slices.ts';
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
  const rows: string[][] = parse(text, {
    bom: true,
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: true,
  });
  return rows.map((row, index) => (index === 0 ? row : row.map(unprotectCell)));
}

const delimiterOf = (text: string) =>
  (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';

/**
 * An upload is parsed and checked in slices of 5 ms rather than the 10 ms of exports: a file at the
 * limits makes a lot of garbage, and a garbage collection can land on top of a slice.
 */
export const IMPORT_SLICE_MS = 5;

/** Raised when a file holds more rows than the caller takes: parsing stops there. */
export class TooManyRows extends Error {}

/** Text fed to the parser at a time: well under a millisecond of work once warm, so a slice ends close to its 5 ms. */
const PIECE = 2 * 1024;

/**
 * parseCsv for large uploads: the text goes to csv-parse's streaming parser a piece at a time, in
 * slices of about 5 ms with the event loop free in between, and parsing stops as soon as there are
 * more than `maxRows` rows below the header (TooManyRows). Nothing else waits for a big file.
 */
export async function parseCsvInSlices(text: string, maxRows: number): Promise<string[][]> {
  const rows: string[][] = [];
  const parser = parseStream({
    bom: true,
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: true,
  });
  // A holder, not a variable: the parser's callback sets it between the loop's checks.
  const state: { failure: Error | null } = { failure: null };
  // With a 'data' listener the parser hands over each row during write(), synchronously.
  parser.on('data', (row: string[]) => rows.push(rows.length === 0 ? row : row.map(unprotectCell)));
  parser.on('error', (err: Error) => (state.failure ??= err));
  // 'close' follows both the end of the input and an error.
  const finished = new Promise<void>((resolve) => parser.on('close', () => resolve()));
  const slices = timeSlices(IMPORT_SLICE_MS);
  for (let at = 0; at < text.length && state.failure === null; at += PIECE) {
    parser.write(text.slice(at, at + PIECE));
    if (rows.length > maxRows + 1) {
      parser.destroy();
      throw new TooManyRows();
    }
    if (slices.due()) await slices.pause();
  }
  parser.end();
  await finished;
  if (state.failure !== null) throw state.failure;
  if (rows.length > maxRows + 1) throw new TooManyRows();
  return rows;
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
  .regex(/^(\d{2}\.\d{2}\.\d{4}|\d{2}\/\d{4}|\d{4})$/, { error: 'Datum als TT.MM.JJJJ, MM/JJJJ oder JJJJ erwartet' })
  .transform((v) => {
    if (v.length === 4) return v;
    if (v.length === 7) return `${v.slice(3, 7)}-${v.slice(0, 2)}`;
    return `${v.slice(6, 10)}-${v.slice(3, 5)}-${v.slice(0, 2)}`;
  })
  .refine((stated) => IsoDate.safeParse(countingDay(stated)).success, { error: 'Dieses Datum gibt es nicht' })
  .transform((stated) => ({ day: countingDay(stated), precision: precisionOf(stated) }));
