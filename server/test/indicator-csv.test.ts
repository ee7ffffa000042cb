import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExcelCsv } from '../src/lib/csv.ts';
import {
  createAccount,
  createTestApp,
  sameOrigin,
  seed,
  type Account,
  type TestApp,
  errorOf,
  textContaining,
} from './helper.ts';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import type { ReadingsImportResult } from '@zielmonitor/shared/schemas/indicator-csv';

let t: TestApp;
let admin: Account;
const seedReadings = seed.indicatorReadings;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
  // scrypt at N=2^17 per account and login: slow by design, slower on a busy machine.
}, 60_000);
afterAll(() => t.close());

const exportCsv = async (query = '') => {
  const res = await t.app.inject({ url: `/api/export/indicator-readings.csv${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
};
const rows = (csv: string): string[][] => parse(csv, { bom: true, delimiter: ';', relax_column_count: false });
const importCsv = (csv: string, dryRun: boolean) =>
  t.app.inject({
    method: 'POST',
    url: `/api/import/indicator-readings?dryRun=${dryRun}`,
    headers: { ...sameOrigin, cookie: admin.cookie, 'content-type': 'text/csv' },
    payload: csv,
  });

describe('readings as CSV for German Excel', () => {
  it('exports every reading with a BOM, semicolons, decimal commas and dates as precise as their source', async () => {
    const res = await t.app.inject({ url: '/api/export/indicator-readings.csv' });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="zielmonitor-messwerte-/);
    expect(res.body.startsWith('\uFEFFMesswert-ID;Kennzahl-ID;Kennzahl;Einheit;Wert')).toBe(true);
    const [header = [], ...data] = rows(res.body);
    expect(data).toHaveLength(seedReadings.length);
    const column = (name: string) => header.indexOf(name);
    const fourG = data.filter((r) => r[column('Kennzahl-ID')] === 'flaeche-4g');
    expect(fourG.map((r) => r[column('Wert')])).toEqual(['98,7', '99,3', '98,7', '97,9']);
    expect(fourG.map((r) => r[column('Stichtag')])).toEqual(['02/2021', '09/2021', '19.11.2021', '2023']);
    const spd = data.find((r) => r[column('Quelle')] === 'S62' && r[column('Kennzahl-ID')] === 'schulen-glasfaser');
    expect(spd?.[column('Bewertung')]).toBe('hinter dem Plan');
    expect(spd?.[column('Plan zum Stichtag')]).toBe('50');
    expect(spd?.[column('Abstand zum Plan')]).toBe('22');
    expect(spd?.[column('Lage zum Plan')]).toBe('hinter dem Plan');
  });

  it('exports what a filter selects', async () => {
    const [, ...data] = rows(await exportCsv('?indicator=schulen-glasfaser'));
    expect(new Set(data.map((r) => r[1]))).toEqual(new Set(['schulen-glasfaser']));
    expect((await t.app.inject({ url: '/api/export/indicator-readings.csv?indicator=gibt-es-nicht' })).statusCode).toBe(
      400,
    );
  });

  it('round-trips losslessly: importing the export changes nothing, and exporting again gives the same file', async () => {
    const csv = await exportCsv();
    const dry = await importCsv(csv, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      applied: false,
      created: [],
      unchanged: seedReadings.length,
      rejected: [],
    });
    const applied = await importCsv(csv, false);
    expect(applied.json()).toMatchObject({ applied: true, unchanged: seedReadings.length });
    expect(await exportCsv()).toBe(csv);
  });

  it('adds new rows after a dry run, refuses edits of recorded readings, and writes nothing when a row is bad', async () => {
    const [header = [], first = [], second = []] = rows(await exportCsv('?indicator=flaeche-4g'));
    const added = [...first];
    added[0] = '';
    added[4] = '91,5';
    added[7] = '06/2024';
    added[9] = 'unabhängig';
    added[10] = 'Bundesnetzagentur';
    const edited = [...second];
    edited[4] = '95';
    const count = () => Number(t.app.db.prepare('SELECT count(*) FROM indicator_readings').pluck().get());
    const before = count();

    const bad = await importCsv(toExcelCsv(header, [first, added, edited]), false);
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).issues).toEqual([
      { location: 'body', field: 'Zeile 4, Wert', message: textContaining('nicht geändert') },
    ]);
    expect(count()).toBe(before);

    const dry = (await importCsv(toExcelCsv(header, [first, added]), true)).json<ReadingsImportResult>();
    expect(dry).toMatchObject({
      applied: false,
      unchanged: 1,
      created: [{ line: 3, indicatorId: 'flaeche-4g', value: 91.5, date: '2024-06-30' }],
    });
    expect(count()).toBe(before);
    const applied = (await importCsv(toExcelCsv(header, [first, added]), false)).json<ReadingsImportResult>();
    expect(applied.applied).toBe(true);
    expect(count()).toBe(before + 1);
    const detail = (await t.app.inject({ url: '/api/indicators/flaeche-4g' })).json<IndicatorDetail>();
    expect(detail.readings[0]).toMatchObject({
      value: 91.5,
      datePrecision: 'month',
      track: 'independent',
      reporter: 'Bundesnetzagentur',
    });
  });

  it.each([
    ['Wert', 4, '98.7', 'Dezimalkomma'],
    ['Stichtag', 7, '31.02.2021', 'Datum'],
    ['Spur', 9, 'Opposition', 'Landesregierung, unabhängig'],
    ['Quelle', 12, 'S999', 'unbekannte Quelle'],
    ['Kennzahl-ID', 1, 'gibt-es-nicht', 'unbekannte Kennzahl'],
  ])('names line and column of a bad %s', async (column, index, value, message) => {
    const [header = [], first = []] = rows(await exportCsv('?indicator=flaeche-5g'));
    const row = [...first];
    row[0] = '';
    row[index] = value;
    const res = (await importCsv(toExcelCsv(header, [row]), true)).json<ReadingsImportResult>();
    expect(res.rejected).toContainEqual({ line: 2, column, message: textContaining(message) });
  });
});
