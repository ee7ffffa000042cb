import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import type { LightMyRequestResponse } from 'fastify';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';
import { allowLoggedErrors } from './loud-failures.ts';
import { hashToken } from '../src/services/subscriptions.ts';

/**
 * The published contract holds: every documented response of every GET route, as the seeded
 * server really answers it, is checked against /api/openapi.json with Ajv (JSON Schema 2020-12,
 * which OpenAPI 3.1 uses), and the document passes redocly's recommended rules.
 */

type Who = 'anonymous' | 'admin' | 'controller' | 'assessor';
/** [path template as documented, URL requested, who asks, status expected] */
type Case = [string, string, Who, number];

const CASES: Case[] = [
  ['/api/about', '/api/about', 'anonymous', 200],
  ['/api/health', '/api/health', 'anonymous', 200],
  ['/api/versions', '/api/versions', 'anonymous', 200],
  ['/api/ressorts', '/api/ressorts', 'anonymous', 200],
  ['/api/legislative-periods', '/api/legislative-periods', 'anonymous', 200],
  ['/api/goals', '/api/goals', 'anonymous', 200],
  ['/api/goals', '/api/goals?version=1.0&ressort=unknown&limit=500', 'anonymous', 200],
  ['/api/goals', '/api/goals?version=2.0&status=in_progress&sort=dueDate&order=desc', 'anonymous', 200],
  ['/api/goals', '/api/goals?q=digital&overdue=true&asOf=2022-06-30', 'anonymous', 200],
  ['/api/goals', '/api/goals?horizon=short&knownAt=2020-01-01', 'anonymous', 200],
  ['/api/goals', '/api/goals?snapshot={snapshot}', 'anonymous', 200],
  ['/api/goals', '/api/goals?version=abc', 'anonymous', 400],
  ['/api/goals', '/api/goals?ressort=XYZ', 'anonymous', 400],
  ['/api/goals/{id}', '/api/goals/v1-13', 'anonymous', 200],
  ['/api/goals/{id}', '/api/goals/v2-01?knownAt=2019-01-01', 'anonymous', 200],
  ['/api/goals/{id}', '/api/goals/v1-01?asOf=2020-12-31', 'anonymous', 200],
  ['/api/goals/{id}', '/api/goals/..%2Fetc', 'anonymous', 400],
  ['/api/goals/{id}', '/api/goals/v1-99', 'anonymous', 404],
  ['/api/stats/ressorts', '/api/stats/ressorts?version=1.0', 'anonymous', 200],
  ['/api/stats/ressorts', '/api/stats/ressorts?version=2.0&track=independent', 'anonymous', 200],
  ['/api/stats/ressorts', '/api/stats/ressorts?version=1.0&rule=due_by_date&asOf=2021-12-31', 'anonymous', 200],
  ['/api/stats/ressorts', '/api/stats/ressorts?version=1.0&rule=short_term&snapshot={snapshot}', 'anonymous', 200],
  ['/api/stats/ressorts', '/api/stats/ressorts', 'anonymous', 400],
  ['/api/stats/due', '/api/stats/due?version=1.0&period=17', 'anonymous', 200],
  ['/api/stats/due', '/api/stats/due?version=2.0&period=18', 'anonymous', 200],
  ['/api/stats/due', '/api/stats/due?version=1.0&period=99', 'anonymous', 400],
  ['/api/stats/timeline', '/api/stats/timeline?version=1.0', 'anonymous', 200],
  ['/api/stats/timeline', '/api/stats/timeline?version=2.0&ressort=MWIDE&interval=quarter', 'anonymous', 200],
  ['/api/stats/timeline', '/api/stats/timeline?version=1.0&ressort=unknown&knownAt=2021-06-30', 'anonymous', 200],
  ['/api/stats/timeline', '/api/stats/timeline?version=1.0&from=2022-01-01&to=2021-01-01', 'anonymous', 400],
  ['/api/reported-figures', '/api/reported-figures?version=1.0', 'anonymous', 200],
  ['/api/reported-figures', '/api/reported-figures?version=2.0&asOf=2020-01-01', 'anonymous', 200],
  ['/api/reported-figures', '/api/reported-figures?version=x', 'anonymous', 400],
  ['/api/auth/me', '/api/auth/me', 'anonymous', 200],
  ['/api/auth/me', '/api/auth/me', 'controller', 200],
  ['/api/audit', '/api/audit', 'admin', 200],
  ['/api/audit', '/api/audit?limit=1&offset=1', 'admin', 200],
  ['/api/audit', '/api/audit?limit=0', 'admin', 400],
  ['/api/audit', '/api/audit', 'anonymous', 401],
  ['/api/audit', '/api/audit', 'controller', 403],
  ['/api/changes', '/api/changes?since=2019-01-01', 'anonymous', 200],
  ['/api/changes', '/api/changes?since=2019-01-01&ressort=unknown&track=independent', 'anonymous', 200],
  [
    '/api/changes',
    '/api/changes?since=2020-01-01&until=2021-12-31&version=1.0&knownAt=2021-06-30&limit=2',
    'anonymous',
    200,
  ],
  ['/api/changes', '/api/changes?since=2022-01-01&until=2021-01-01', 'anonymous', 400],
  ['/api/export/changes.csv', '/api/export/changes.csv?since=2019-01-01', 'anonymous', 200],
  ['/api/export/changes.csv', '/api/export/changes.csv?since=2019-01-01&ressort=MWIDE', 'anonymous', 200],
  ['/api/export/changes.csv', '/api/export/changes.csv?since=2022-01-01&until=2021-01-01', 'anonymous', 400],
  ['/api/feeds/changes.atom', '/api/feeds/changes.atom', 'anonymous', 200],
  ['/api/feeds/changes.atom', '/api/feeds/changes.atom?ressort=unknown', 'anonymous', 200],
  ['/api/feeds/changes.atom', '/api/feeds/changes.atom?ressort=ABC', 'anonymous', 400],
  ['/api/snapshots', '/api/snapshots', 'anonymous', 200],
  ['/api/snapshots/{id}', '/api/snapshots/{snapshot}', 'anonymous', 200],
  ['/api/snapshots/{id}', '/api/snapshots/NICHT_GUELTIG', 'anonymous', 400],
  ['/api/snapshots/{id}', '/api/snapshots/gibt-es-nicht', 'anonymous', 404],
  ['/api/export/goals.csv', '/api/export/goals.csv?version=1.0', 'anonymous', 200],
  ['/api/export/goals.csv', '/api/export/goals.csv?ressort=unknown&sort=title&order=desc', 'anonymous', 200],
  ['/api/export/goals.csv', '/api/export/goals.csv?status=nope', 'anonymous', 400],
  ['/api/export/status-events.csv', '/api/export/status-events.csv?version=2.0', 'anonymous', 200],
  ['/api/export/status-events.csv', '/api/export/status-events.csv?knownAt=2020-01-01', 'anonymous', 200],
  ['/api/export/status-events.csv', '/api/export/status-events.csv?version=9.9', 'anonymous', 400],
  ['/api/export/goals.json', '/api/export/goals.json?version=1.0', 'anonymous', 200],
  ['/api/export/goals.json', '/api/export/goals.json?snapshot={snapshot}&ressort=MWIDE', 'anonymous', 200],
  ['/api/export/goals.json', '/api/export/goals.json?horizon=soon', 'anonymous', 400],
  ['/api/lineage', '/api/lineage', 'anonymous', 200],
  ['/api/lineage', '/api/lineage?from=1.0&to=2.0&track=independent', 'anonymous', 200],
  ['/api/lineage', '/api/lineage?from=1.0&to=7.0', 'anonymous', 400],
  ['/api/indicators', '/api/indicators', 'anonymous', 200],
  ['/api/indicators', '/api/indicators?version=1.0&ressort=MWIDE&asOf=2022-06-30', 'anonymous', 200],
  ['/api/indicators', '/api/indicators?goal=v1-13&knownAt=2021-01-01', 'anonymous', 200],
  ['/api/indicators', '/api/indicators?version=abc', 'anonymous', 400],
  ['/api/indicators/{id}', '/api/indicators/schulen-glasfaser', 'anonymous', 200],
  ['/api/indicators/{id}', '/api/indicators/schulen-glasfaser?asOf=2021-12-31&limit=2', 'anonymous', 200],
  ['/api/indicators/{id}', '/api/indicators/schulen-glasfaser?limit=0', 'anonymous', 400],
  ['/api/indicators/{id}', '/api/indicators/gibt-es-nicht', 'anonymous', 404],
  ['/api/export/indicator-readings.csv', '/api/export/indicator-readings.csv', 'anonymous', 200],
  [
    '/api/export/indicator-readings.csv',
    '/api/export/indicator-readings.csv?indicator=schulen-glasfaser&asOf=2022-06-30',
    'anonymous',
    200,
  ],
  ['/api/export/indicator-readings.csv', '/api/export/indicator-readings.csv?version=9.9', 'anonymous', 400],
  ['/api/dcat', '/api/dcat', 'anonymous', 200],
  ['/api/dcat.ttl', '/api/dcat.ttl', 'anonymous', 200],
  ['/api/submissions', '/api/submissions', 'controller', 200],
  ['/api/submissions', '/api/submissions?state=released&goal=v1-13', 'admin', 200],
  ['/api/submissions', '/api/submissions?state=offen', 'controller', 400],
  ['/api/submissions', '/api/submissions', 'anonymous', 401],
  ['/api/rounds', '/api/rounds', 'anonymous', 200],
  ['/api/rounds/{id}', '/api/rounds/{round}', 'anonymous', 200],
  ['/api/rounds/{id}', '/api/rounds/eins', 'anonymous', 400],
  ['/api/rounds/{id}', '/api/rounds/9999', 'anonymous', 404],
  ['/api/export/audit.csv', '/api/export/audit.csv', 'admin', 200],
  ['/api/export/audit.csv', '/api/export/audit.csv?action=status.report', 'admin', 200],
  ['/api/export/audit.csv', '/api/export/audit.csv?from=gestern', 'admin', 400],
  ['/api/export/audit.csv', '/api/export/audit.csv', 'anonymous', 401],
  ['/api/export/audit.csv', '/api/export/audit.csv', 'controller', 403],
  ['/api/export/ressort-stats.csv', '/api/export/ressort-stats.csv?version=1.0', 'anonymous', 200],
  [
    '/api/export/ressort-stats.csv',
    '/api/export/ressort-stats.csv?version=2.0&track=independent&rule=short_term&asOf=2022-06-30',
    'anonymous',
    200,
  ],
  ['/api/export/ressort-stats.csv', '/api/export/ressort-stats.csv?version=1.0&rule=most', 'anonymous', 400],
  ['/api/export/timeline.csv', '/api/export/timeline.csv?version=2.0&interval=quarter', 'anonymous', 200],
  ['/api/export/timeline.csv', '/api/export/timeline.csv?version=2.0&ressort=MWIDE&to=2022-06-30', 'anonymous', 200],
  ['/api/export/timeline.csv', '/api/export/timeline.csv?version=2.0&interval=week', 'anonymous', 400],
  ['/api/export/lineage.csv', '/api/export/lineage.csv', 'anonymous', 200],
  ['/api/export/lineage.csv', '/api/export/lineage.csv?to=3.0', 'anonymous', 400],
  ['/api/correction-requests', '/api/correction-requests', 'admin', 200],
  ['/api/correction-requests', '/api/correction-requests?state=open', 'controller', 200],
  ['/api/correction-requests', '/api/correction-requests?state=offen', 'admin', 400],
  ['/api/correction-requests', '/api/correction-requests', 'anonymous', 401],
  ['/api/correction-requests', '/api/correction-requests', 'assessor', 403],
  ['/api/correction-requests/stats', '/api/correction-requests/stats', 'anonymous', 200],
  ['/api/subscriptions/unsubscribe/{token}', '/api/subscriptions/unsubscribe/{token}', 'anonymous', 200],
  ['/api/subscriptions/unsubscribe/{token}', '/api/subscriptions/unsubscribe/kurz', 'anonymous', 400],
  ['/api/subscriptions/unsubscribe/{token}', `/api/subscriptions/unsubscribe/${'x'.repeat(43)}`, 'anonymous', 404],
  ['/api/feeds/goals/{id}.atom', '/api/feeds/goals/v1-13.atom', 'anonymous', 200],
  ['/api/feeds/goals/{id}.atom', '/api/feeds/goals/..%2Fx.atom', 'anonymous', 400],
  ['/api/feeds/goals/{id}.atom', '/api/feeds/goals/v1-99.atom', 'anonymous', 404],
  ['/api/feeds/indicators/{id}.atom', '/api/feeds/indicators/schulen-glasfaser.atom', 'anonymous', 200],
  ['/api/feeds/indicators/{id}.atom', '/api/feeds/indicators/GROSS.atom', 'anonymous', 400],
  ['/api/feeds/indicators/{id}.atom', '/api/feeds/indicators/gibt-es-nicht.atom', 'anonymous', 404],
  ['/api/users', '/api/users', 'admin', 200],
  ['/api/users', '/api/users', 'anonymous', 401],
  ['/api/users', '/api/users', 'controller', 403],
  ['/api/account', '/api/account', 'controller', 200],
  ['/api/account', '/api/account', 'anonymous', 401],
  ['/api/account/sessions', '/api/account/sessions', 'controller', 200],
  ['/api/account/sessions', '/api/account/sessions', 'anonymous', 401],
];

/** Responses a seeded, healthy server cannot give; each is provoked by its own test below. */
const PROVOKED = ['/api/health 503'];

let t: TestApp;
let spec: OpenAPIV3_1.Document;
let snapshot: string;
let round: number;
/** An unsubscribe link of a confirmed subscription, as a subscriber's mail carries it. */
const unsubscribeToken = 'u'.repeat(43);
const cookies: Record<Who, string | undefined> = {
  anonymous: undefined,
  admin: undefined,
  controller: undefined,
  assessor: undefined,
};
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  t = await createTestApp();
  const admin: Account = await createAccount(t, { email: 'a@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
  const controller = await createAccount(t, {
    email: 'c@nrw.de',
    name: 'Cem',
    role: 'controller',
    ressorts: ['MWIDE'],
  });
  cookies.admin = admin.cookie;
  cookies.controller = controller.cookie;
  const assessor = await createAccount(t, {
    email: 'p@presse.de',
    name: 'Pia',
    role: 'assessor',
    ressorts: [],
    organisation: 'Landespressekonferenz',
  });
  cookies.assessor = assessor.cookie;
  const subscriptions = t.app.repos.subscriptions;
  const subscription = subscriptions.insert(
    { email: 'leser@example.org', scope: 'goal', scopeId: 'v1-13', frequency: 'daily' },
    new Date(),
  );
  subscriptions.confirm(subscription, new Date());
  subscriptions.addToken(hashToken(unsubscribeToken), [subscription], 'unsubscribe', null);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/snapshots',
    headers: { ...sameOrigin, cookie: admin.cookie },
    payload: { title: 'Vertragstest', view: { path: '/', params: { version: '1.0' } } },
  });
  snapshot = created.json<{ id: string }>().id;
  const opened = await t.app.inject({
    method: 'POST',
    url: '/api/rounds',
    headers: { ...sameOrigin, cookie: admin.cookie },
    payload: { name: 'Vertragsrunde', version: '2.0', dueOn: '2030-06-30', ressorts: ['MWIDE'] },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  round = opened.json<{ id: number }>().id;
  // A request about a figure of the overview: the queue the administration reads holds one.
  const reported = await t.app.inject({
    method: 'POST',
    url: '/api/correction-requests',
    headers: sameOrigin,
    payload: { subject: await figureSubject(), description: 'Diese Zahl stimmt nicht mit dem Bericht überein.' },
  });
  expect(reported.statusCode, reported.body).toBe(201);
  spec = (await t.app.inject({ url: '/api/openapi.json' })).json<OpenAPIV3_1.Document>();
});

/** The achieved goals of MWIDE in 2.0 as the overview showed them on 30.06.2022, pinned as its citable link pins them. */
async function figureSubject() {
  const stats = (await t.app.inject({ url: '/api/stats/ressorts?version=2.0&asOf=2022-06-30' })).json<{
    items: { ressort: string; achieved: number }[];
    at: { recordedUntil: string };
  }>();
  return {
    kind: 'figure',
    measure: 'status',
    status: 'achieved',
    ressort: 'MWIDE',
    version: '2.0',
    track: 'official',
    rule: 'all_goals',
    asOf: '2022-06-30',
    knownAt: stats.at.recordedUntil,
    value: stats.items.find((i) => i.ressort === 'MWIDE')?.achieved ?? 0,
  };
}
afterAll(() => t.close());

const getOperations = () =>
  Object.entries(spec.paths ?? {}).flatMap(([template, item]) => (item?.get ? [{ template, get: item.get }] : []));

describe('the published OpenAPI document', () => {
  it('gives every operation an operationId and a summary, and protected ones the session scheme', () => {
    const ids = new Set<string>();
    for (const item of Object.values(spec.paths ?? {})) {
      for (const operation of [item?.get, item?.post, item?.put, item?.patch]) {
        if (!operation) continue;
        expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operation.summary).toBeTruthy();
        expect(operation.security).toBeDefined();
        ids.add(operation.operationId ?? '');
      }
    }
    expect(ids.size).toBe(
      Object.values(spec.paths ?? {}).flatMap((i) => [i?.get, i?.post, i?.put, i?.patch].filter(Boolean)).length,
    );
    expect(spec.paths?.['/api/indicators/{id}']?.put?.security).toEqual([{ session: [] }]);
    expect(spec.paths?.['/api/submissions']?.get?.security).toEqual([{ session: [] }]);
    expect(spec.paths?.['/api/snapshots']?.post?.security).toEqual([{}, { session: [] }]);
    expect(spec.paths?.['/api/audit']?.get?.security).toEqual([{ session: [] }]);
    expect(spec.paths?.['/api/goals/{id}/status']?.post?.security).toEqual([{ session: [] }]);
    expect(spec.paths?.['/api/goals']?.get?.security).toEqual([]);
    expect(spec.paths?.['/api/users/{id}']?.patch?.security).toEqual([{ session: [] }]);
    expect(spec.paths?.['/api/account/password']?.post?.security).toEqual([{ session: [] }]);
  });

  it('names the public origin as its server when it is known', async () => {
    expect(spec.servers).toEqual([{ url: '/', description: 'Zielmonitor' }]);
    const published = await createTestApp({ seed: false, publicOrigin: 'https://zielmonitor.example.nrw' });
    try {
      const doc = (await published.app.inject({ url: '/api/openapi.json' })).json<OpenAPIV3_1.Document>();
      expect(doc.servers).toEqual([{ url: 'https://zielmonitor.example.nrw', description: 'Zielmonitor' }]);
    } finally {
      await published.close();
    }
  });

  it('documents CSV and Atom with their real media types', () => {
    const types = (template: string, status: string) =>
      Object.keys(responseOf(spec.paths?.[template]?.get, status)?.content ?? {});
    expect(types('/api/export/goals.csv', '200')).toEqual(['text/csv']);
    expect(types('/api/export/status-events.csv', '200')).toEqual(['text/csv']);
    expect(types('/api/export/changes.csv', '200')).toEqual(['text/csv']);
    expect(types('/api/feeds/changes.atom', '200')).toEqual(['application/atom+xml']);
    expect(types('/api/export/indicator-readings.csv', '200')).toEqual(['text/csv']);
    expect(types('/api/export/audit.csv', '200')).toEqual(['text/csv']);
    expect(types('/api/dcat', '200')).toEqual(['application/ld+json']);
    expect(types('/api/dcat.ttl', '200')).toEqual(['text/turtle']);
    expect(types('/api/export/goals.csv', '400')).toEqual(['application/json']);
    expect(Object.keys(spec.paths?.['/api/import/goals']?.post?.requestBody ?? {})).toContain('content');
  });

  it('describes a figure of the overview as the subject of a correction request, and answers as documented', async () => {
    const operation = spec.paths?.['/api/correction-requests']?.post;
    const body = operation?.requestBody;
    const schema = body && !('$ref' in body) ? body.content['application/json']?.schema : undefined;
    if (schema === undefined) throw new Error('submitCorrectionRequest documents no JSON body');
    const validate = ajv.compile(schema);
    const subject = await figureSubject();
    const good = { subject, description: 'Diese Zahl stimmt nicht mit dem Bericht überein.' };
    expect(validate(good), ajv.errorsText(validate.errors)).toBe(true);
    const { version: _version, ...withoutVersion } = subject;
    expect(validate({ ...good, subject: withoutVersion })).toBe(false);
    expect(validate({ ...good, subject: { ...subject, track: 'amtlich' } })).toBe(false);
    for (const [payload, status] of [
      [good, 201],
      [{ ...good, subject: { ...subject, ressort: 'XYZ' } }, 400],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/correction-requests',
        headers: sameOrigin,
        payload,
        remoteAddress: '198.51.100.61',
      });
      expect(res.statusCode, res.body).toBe(status);
      const documented = responseOf(operation, String(status))?.content?.['application/json']?.schema;
      if (documented === undefined) throw new Error(`submitCorrectionRequest does not document ${status}`);
      const check = ajv.compile(documented);
      expect(check(res.json()), ajv.errorsText(check.errors)).toBe(true);
    }
  });

  it('has a case below for every documented response of every GET route', () => {
    const exercised = new Set([...CASES.map(([template, , , status]) => `${template} ${status}`), ...PROVOKED]);
    const documented = getOperations().flatMap(({ template, get }) =>
      Object.keys(get.responses).map((status) => `${template} ${status}`),
    );
    expect(documented.filter((d) => !exercised.has(d))).toEqual([]);
    expect([...exercised].filter((e) => !documented.includes(e))).toEqual([]);
  });

  it.each(CASES)('%s: GET %s as %s answers %i as documented', async (template, url, who, status) => {
    const cookie = cookies[who];
    const res = await t.app.inject({
      url: url
        .replace('{snapshot}', snapshot)
        .replace('{round}', String(round))
        .replace('/unsubscribe/{token}', `/unsubscribe/${unsubscribeToken}`),
      headers: cookie === undefined ? {} : { cookie },
    });
    expect(res.statusCode, res.body).toBe(status);
    expectDocumented(template, status, res);
  });

  it('/api/health: answers 503 as documented when the database cannot be written', async () => {
    const broken = await createTestApp({ seed: false });
    try {
      // A real failing write: every probe of the health check is refused by the database itself.
      broken.app.db.exec(
        "CREATE TRIGGER refuse_probe BEFORE UPDATE ON health_probe BEGIN SELECT RAISE(ABORT, 'Datenträger voll'); END",
      );
      broken.app.db.exec(
        "CREATE TRIGGER refuse_probe_insert BEFORE INSERT ON health_probe BEGIN SELECT RAISE(ABORT, 'Datenträger voll'); END",
      );
      broken.app.databaseHealth.markUnwritable();
      allowLoggedErrors(/database cannot be written/);
      const res = await broken.app.inject({ url: '/api/health' });
      expect(res.statusCode, res.body).toBe(503);
      expectDocumented('/api/health', 503, res);
    } finally {
      await broken.close();
    }
  });

  it('passes redocly lint with the recommended rules', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(spec));
    try {
      const redocly = path.join(repoRoot, 'node_modules', '.bin', 'redocly');
      const config = path.join(repoRoot, 'redocly.yaml');
      const { stdout } = await promisify(execFile)(redocly, ['lint', file, '--config', config, '--format', 'summary']);
      expect(stdout).not.toMatch(/error/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The answer matches what the document says of this route and status, under its real media type. */
function expectDocumented(template: string, status: number, res: LightMyRequestResponse): void {
  const response = responseOf(spec.paths?.[template]?.get, String(status));
  expect(response, `${template} does not document ${status}`).toBeDefined();
  const content = response?.content ?? {};
  const mediaType = String(res.headers['content-type']).split(';')[0] ?? '';
  expect(Object.keys(content)).toContain(mediaType);
  const schema = content[mediaType]?.schema;
  if (schema === undefined) throw new Error(`${template} ${status} has no schema for ${mediaType}`);
  const validate = ajv.compile(schema);
  const body: unknown = mediaType === 'application/json' ? res.json() : res.body;
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
}

function responseOf(
  operation: OpenAPIV3_1.OperationObject | undefined,
  status: string,
): OpenAPIV3_1.ResponseObject | undefined {
  const response = operation?.responses?.[status];
  return response === undefined || '$ref' in response ? undefined : response;
}
