import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp, errorOf } from './helper.ts';

let t: TestApp;
let admin: Account;
type Parameter = { name: string; in: string; required?: boolean; schema?: { format?: string; pattern?: string } };
let getRoutes: { path: string; parameters: Parameter[] }[] = [];

/** A valid value for every required parameter, so that only the date under test can be wrong. */
const REQUIRED: Record<string, string> = {
  version: '1.0',
  since: '2021-01-01',
  period: '17',
  id: 'v1-01',
  from: '1.0',
  to: '2.0',
};
const DATE_PARAMETERS = new Set(['asOf', 'knownAt', 'since', 'until', 'from', 'to', 'dueBy']);
const VERSION_PAIRS = new Set(['/api/lineage', '/api/export/lineage.csv']);
const OUT_OF_RANGE = ['0999-01-01', '1000-01-01', '1989-12-31', '2101-01-01', '9999-12-31', '0000-01-01'];

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, { get?: { parameters?: Parameter[] } }>;
  }>();
  getRoutes = Object.entries(spec.paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({ path, parameters: item.get?.parameters ?? [] }));
});
afterAll(() => t.close());

function urlFor(route: { path: string; parameters: Parameter[] }, name: string, value: string): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) => REQUIRED[p] ?? 'x');
  const query = new URLSearchParams();
  for (const p of route.parameters.filter((p) => p.in === 'query' && p.required && p.name !== name))
    query.set(p.name, REQUIRED[p.name] ?? 'x');
  query.set(name, value);
  return `${path}?${query.toString()}`;
}

describe('dates outside 1990–2100', () => {
  it('are refused with 400 naming the field in every query that takes a date', async () => {
    const tried: string[] = [];
    for (const route of getRoutes) {
      // The lineage's from/to (its view and its CSV) are strategy versions, not dates.
      if (VERSION_PAIRS.has(route.path)) continue;
      for (const p of route.parameters.filter((p) => p.in === 'query' && DATE_PARAMETERS.has(p.name))) {
        for (const value of OUT_OF_RANGE) {
          const url = urlFor(route, p.name, value);
          // A route that refuses anonymous visitors does so before it reads the query (401).
          const anonymous = await t.app.inject({ url });
          const cookies = anonymous.statusCode === 401 ? [admin.cookie] : [undefined, admin.cookie];
          for (const cookie of cookies) {
            const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
            expect(res.statusCode, url).toBe(400);
            expect(errorOf(res).issues, url).toEqual([
              { location: 'query', field: p.name, message: 'Datum zwischen 1990 und 2100 erwartet' },
            ]);
          }
          tried.push(`${route.path} ${p.name}`);
        }
      }
    }
    // The walk must have found the date parameters, or it proves nothing.
    for (const expected of [
      '/api/goals asOf',
      '/api/goals knownAt',
      '/api/goals dueBy',
      '/api/goals/{id} asOf',
      '/api/stats/ressorts knownAt',
      '/api/stats/timeline from',
      '/api/stats/timeline to',
      '/api/changes since',
      '/api/changes until',
      '/api/export/goals.csv asOf',
      '/api/export/changes.csv knownAt',
    ])
      expect(tried).toContain(expected);
  });

  it('are refused in a status report body, and nothing is written', async () => {
    const events = Number(t.app.db.prepare('SELECT count(*) FROM status_events').pluck().get());
    for (const effectiveDate of OUT_OF_RANGE) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/goals/v1-01/status',
        headers: { ...sameOrigin, cookie: admin.cookie },
        payload: { status: 'in_progress', effectiveDate, note: '', evidence: {}, expectedRevision: 0 },
      });
      expect(res.statusCode, effectiveDate).toBe(400);
      expect(errorOf(res).issues).toEqual([
        { location: 'body', field: 'effectiveDate', message: 'Datum zwischen 1990 und 2100 erwartet' },
      ]);
    }
    expect(Number(t.app.db.prepare('SELECT count(*) FROM status_events').pluck().get())).toBe(events);
  });

  it('the widest allowed window answers without a 5xx', async () => {
    for (const url of [
      '/api/stats/timeline?version=1.0&from=1990-01-01&to=2100-12-31&interval=quarter',
      '/api/changes?since=1990-01-01&until=2100-12-31',
      '/api/goals?asOf=1990-01-01&knownAt=2100-12-31',
      '/api/stats/ressorts?version=1.0&asOf=2100-12-31',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
