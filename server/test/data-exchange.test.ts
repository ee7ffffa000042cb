import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, protectCell, toExcelCsv, unprotectCell } from '../src/lib/csv.ts';
import type { GoalDetail, GoalsExportResponse, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { ImportResult } from '@zielmonitor/shared/schemas/goal-csv';
import {
  anyText,
  createAccount,
  textContaining,
  createTestApp,
  errorOf,
  issueFields,
  sameOrigin,
  type Account,
  type TestApp,
} from './helper.ts';

describe('Excel CSV', () => {
  it('round-trips umlauts, quotes, semicolons, line breaks and formula-like cells', () => {
    const rows = [
      ['Grün; „zitiert“ "doppelt"', 'Zeile 1\nZeile 2\r\nZeile 3', 'Ärger über Öl und Übermaß', ''],
      ['=SUMME(A1)', "'=schon geschützt", '-5 %', '@home'],
      ["'", "''", ' führendes Leerzeichen', 'Tab\tmitten'],
    ];
    const csv = toExcelCsv(['A', 'B', 'C', 'D'], rows);
    expect(csv.startsWith('\uFEFFA;B;C;D\r\n')).toBe(true);
    expect(csv).toContain("'=SUMME(A1)");
    expect(parseCsv(csv)).toEqual([['A', 'B', 'C', 'D'], ...rows]);
  });

  it('protects exactly the cells a spreadsheet would run as formulas', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', "'x", 'a=1', ''].map(protectCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      "''x",
      'a=1',
      '',
    ]);
    for (const value of ['=1', "'x", 'plain', "'"]) expect(unprotectCell(protectCell(value))).toBe(value);
  });
});

describe('export and import', () => {
  let t: TestApp;
  let admin: Account;
  let controller: Account;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
    controller = await createAccount(t, {
      email: 'c@mwide.nrw.de',
      name: 'Cem',
      role: 'controller',
      ressorts: ['MWIDE'],
    });
  });
  afterAll(() => t.close());

  const exportCsv = async (query: string) => {
    const res = await t.app.inject({ url: `/api/export/goals.csv?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="zielmonitor-ziele-/);
    return res.body;
  };
  const importCsv = (csv: string, query: string, cookie = admin.cookie) =>
    t.app.inject({
      method: 'POST',
      url: `/api/import/goals?${query}`,
      headers: { ...sameOrigin, cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
  const goalCount = () => Number(t.app.db.prepare('SELECT count(*) FROM goals').pluck().get());
  const auditCount = () => Number(t.app.db.prepare('SELECT count(*) FROM audit_log').pluck().get());

  it('exports exactly the rows the filtered table shows, in its order', async () => {
    const table = (
      await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&sort=title&order=desc' })
    ).json<GoalsResponse>();
    const csv = await exportCsv('version=1.0&ressort=MWIDE&sort=title&order=desc');
    const [header, ...rows] = parseCsv(csv);
    expect(header?.[0]).toBe('ID');
    expect(rows.map((r) => r[0])).toEqual(table.items.map((g) => g.id));
  });

  it('exports JSON with the history of each goal', async () => {
    const res = await t.app.inject({ url: '/api/export/goals.json?version=2.0' });
    const body = res.json<GoalsExportResponse>();
    expect(body.goals).toHaveLength(11);
    expect(body.goals[0]).toHaveProperty('history.official');
  });

  it('round-trips losslessly: importing the export changes nothing, and exporting again gives the same file', async () => {
    const csv = await exportCsv('version=1.0');
    const dry = await importCsv(csv, 'version=1.0&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: [], changed: [], unchanged: 29, rejected: [], applied: false });
    const applied = await importCsv(csv, 'version=1.0&dryRun=false');
    expect(applied.json()).toMatchObject({ applied: true, unchanged: 29 });
    expect(await exportCsv('version=1.0')).toBe(csv);
  });

  it('creates and changes goals from an edited file, with a dry run first and an audit entry', async () => {
    const csv = await exportCsv('version=2.0');
    const [header = [], first = [], ...rest] = parseCsv(csv);
    const edited = [...first];
    edited[2] = 'Neuer Titel; mit „Anführungszeichen“\nund Zeilenumbruch';
    const created = [...first];
    created[0] = 'v2-99';
    created[2] = '=Ein neues Ziel zum Zwiebelkuchen';
    const file = toExcelCsv(header, [edited, ...rest, created]);

    const dry = (await importCsv(file, 'version=2.0')).json<ImportResult>();
    expect(dry.created.map((c) => c.goalId)).toEqual(['v2-99']);
    expect(dry.changed).toEqual([
      { line: 2, goalId: first[0], fields: [{ column: 'Titel', before: first[2], after: edited[2] }] },
    ]);
    expect(goalCount()).toBe(40);

    const audits = auditCount();
    const res = await importCsv(file, 'version=2.0&dryRun=false');
    expect(res.json<ImportResult>().applied).toBe(true);
    expect(goalCount()).toBe(41);
    expect((await t.app.inject({ url: `/api/goals/${first[0]}` })).json<GoalDetail>().title).toBe(edited[2]);
    expect(
      (await t.app.inject({ url: '/api/goals?q=zwiebelkuchen' })).json<GoalsResponse>().items.map((g) => g.id),
    ).toEqual(['v2-99']);
    expect(auditCount()).toBe(audits + 3);
  });

  it('rejects the whole file when one row is bad, naming line and column, and writes nothing', async () => {
    const csv = await exportCsv('version=1.0');
    const [header = [], first = [], second = [], ...rest] = parseCsv(csv);
    const changed = [...first];
    changed[2] = 'Geändert, aber nie geschrieben';
    const bad = [...second];
    bad[4] = 'XYZ';
    bad[7] = 'bald';
    bad[8] = '31.02.2022';
    bad[13] = '';
    const before = await exportCsv('version=1.0');
    const audits = auditCount();
    const file = toExcelCsv(header, [changed, bad, ...rest]);
    const dry = (await importCsv(file, 'version=1.0&dryRun=true')).json<ImportResult>();
    expect(dry.applied).toBe(false);
    expect(dry.rejected).toEqual([
      { line: 3, column: 'Federführendes Ressort', message: 'unbekanntes Ressort' },
      { line: 3, column: 'Zeithorizont', message: textContaining('kurzfristig') },
      { line: 3, column: 'Fällig bis', message: anyText },
      { line: 3, column: 'Quellen', message: 'jedes Ziel braucht mindestens eine Quelle' },
    ]);
    const res = await importCsv(file, 'version=1.0&dryRun=false');
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).code).toBe('IMPORT_REJECTED');
    expect(issueFields(res)).toEqual([
      'Zeile 3, Federführendes Ressort',
      'Zeile 3, Zeithorizont',
      'Zeile 3, Fällig bis',
      'Zeile 3, Quellen',
    ]);
    expect(await exportCsv('version=1.0')).toBe(before);
    expect(auditCount()).toBe(audits);
  });

  it('rejects unknown and missing columns, duplicates and goals of the other version', async () => {
    const csv = await exportCsv('version=1.0');
    const [header = [], first = []] = parseCsv(csv);
    const res = await importCsv(toExcelCsv([...header, 'Extra'], [[...first, 'x']]), 'version=1.0');
    expect(res.json<ImportResult>().rejected).toEqual([{ line: 1, column: 'Extra', message: 'unbekannte Spalte' }]);
    const dup = (await importCsv(toExcelCsv(header, [first, first]), 'version=1.0')).json<ImportResult>();
    expect(dup.rejected).toEqual([{ line: 3, column: 'ID', message: 'doppelt (schon in Zeile 2)' }]);
    const other = (await importCsv(toExcelCsv(header, [first]), 'version=2.0')).json<ImportResult>();
    expect(other.rejected[0]).toMatchObject({ line: 2, column: 'Version' });
  });

  it('is for admins only', async () => {
    const csv = await exportCsv('version=1.0');
    expect((await importCsv(csv, 'version=1.0', controller.cookie)).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/import/goals?version=1.0',
          headers: { ...sameOrigin, 'content-type': 'text/csv' },
          payload: csv,
        })
      ).statusCode,
    ).toBe(401);
  });
});
