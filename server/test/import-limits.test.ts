import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '@zielmonitor/shared/schemas/goal-csv';
import { parseCsv, toExcelCsv } from '../src/lib/csv.ts';
import {
  createAccount,
  createTestApp,
  sameOrigin,
  type Account,
  type TestApp,
  errorOf,
  textContaining,
} from './helper.ts';
import type { ImportResult } from '@zielmonitor/shared/schemas/goal-csv';

let t: TestApp;
let admin: Account;
let header: string[] = [];
let template: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
  const csv = (await t.app.inject({ url: '/api/export/goals.csv?version=2.0', headers: { cookie: admin.cookie } }))
    .body;
  [header = [], template = []] = parseCsv(csv);
});
afterAll(() => t.close());

/** `n` new goals of version 2.0, each a copy of an exported row with its own id and a long description. */
const rows = (n: number, edit: (row: string[], i: number) => string[] = (row) => row) =>
  Array.from({ length: n }, (_, i) => {
    const row = [...template];
    row[0] = `v2-neu-${i}`;
    row[3] = `Beschreibung ${i}: ${'Ausbau der Netze in Stadt und Land. '.repeat(10)}`;
    return edit(row, i);
  });
const post = (payload: string, query = 'version=2.0&dryRun=true') =>
  t.app.inject({
    method: 'POST',
    url: `/api/import/goals?${query}`,
    headers: { ...sameOrigin, cookie: admin.cookie, 'content-type': 'text/csv' },
    payload,
  });

const TOO_LARGE = 'Die Datei ist zu groß: höchstens 2.000 Zeilen und 5 MiB je Import. Bitte aufteilen.';

describe('the CSV import has limits, named when exceeded', () => {
  it('answers a file over 5 MiB with 413 naming both limits', async () => {
    const res = await post(`${toExcelCsv(header, rows(1))}${'x'.repeat(IMPORT_LIMITS.bytes)}`);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toEqual({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: TOO_LARGE });
  });

  it('answers a file with more than 2,000 rows with 413 naming both limits, writing nothing', async () => {
    const goals = Number(t.app.db.prepare('SELECT count(*) FROM goals').pluck().get());
    const res = await post(toExcelCsv(header, rows(IMPORT_LIMITS.rows + 1)), 'version=2.0&dryRun=false');
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toEqual({ code: 'IMPORT_TOO_LARGE', message: TOO_LARGE });
    expect(Number(t.app.db.prepare('SELECT count(*) FROM goals').pluck().get())).toBe(goals);
  }, 60_000);

  it('checks a file at the limit and answers with counts and at most 100 rows of each kind', async () => {
    const file = toExcelCsv(
      header,
      rows(IMPORT_LIMITS.rows, (row, i) => (i % 2 === 0 ? row : Object.assign([...row], { 7: 'irgendwann' }))),
    );
    const res = await post(file);
    expect(res.statusCode).toBe(200);
    const body = res.json<ImportResult>();
    expect(body.totals).toEqual({ created: 1000, changed: 0, rejected: 1000 });
    expect(body.created).toHaveLength(100);
    expect(body.rejected).toHaveLength(100);
    expect(body.rejected[0]).toEqual({
      line: 3,
      column: 'Zeithorizont',
      message: textContaining('kurzfristig'),
    });
    const applied = await post(file, 'version=2.0&dryRun=false');
    expect(applied.statusCode).toBe(422);
    expect(errorOf(applied).message).toBe(
      'Import abgelehnt, nichts wurde geschrieben: 1000 Probleme (die ersten 100 sind aufgeführt)',
    );
    expect(errorOf(applied).issues).toHaveLength(100);
  }, 60_000);

  it('gives the event loop back while it parses and checks: other requests are answered meanwhile', async () => {
    const file = toExcelCsv(header, rows(IMPORT_LIMITS.rows));
    let turns = 0;
    let importing = true;
    const tick = () => {
      turns += 1;
      if (importing) setImmediate(tick);
    };
    setImmediate(tick);
    const res = await post(file);
    importing = false;
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportResult>().totals.created).toBe(IMPORT_LIMITS.rows);
    // In one synchronous run the loop would turn a handful of times (reading the body); sliced, once per slice.
    expect(turns).toBeGreaterThan(20);
  }, 60_000);

  it('refuses control characters in a cell, naming line and column', async () => {
    const res = await post(
      toExcelCsv(
        header,
        rows(2, (row, i) => (i === 1 ? Object.assign([...row], { 14: 'Anmerkung\u0007mit Klingel' }) : row)),
      ),
    );
    expect(res.json<ImportResult>().rejected).toEqual([
      {
        line: 3,
        column: 'Anmerkungen',
        message: 'Darf außer Zeilenumbruch und Tabulator keine Steuerzeichen enthalten',
      },
    ]);
  });
});
