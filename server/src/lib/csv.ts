import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

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
  const rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true });
  return rows.map((row, index) => (index === 0 ? row : row.map(unprotectCell)));
}

/** 2021-11-19 → 19.11.2021, the form German Excel recognises as a date. */
export const toGermanDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
