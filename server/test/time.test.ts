import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusOnTrack, withStatus } from '../src/repositories/current-status-sql.ts';
import { periodEnds } from '../src/repositories/timeline.ts';
import type { z } from 'zod';
import { ChangesResponse } from '@zielmonitor/shared/schemas/changes';
import { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import { SnapshotDetail, type SnapshotSummary } from '@zielmonitor/shared/schemas/snapshot';
import { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { TimelineResponse } from '@zielmonitor/shared/schemas/timeline';
import {
  createAccount,
  createTestApp,
  issueFields,
  sameOrigin,
  type Account,
  type TestApp,
  textMatching,
} from './helper.ts';

describe('periodEnds', () => {
  it('gives the last day of each month, capped at the end date', () => {
    expect(periodEnds('2021-11-19', '2022-03-10', 'month')).toEqual([
      '2021-11-30',
      '2021-12-31',
      '2022-01-31',
      '2022-02-28',
      '2022-03-10',
    ]);
  });
  it('gives quarter ends and handles leap years and a single period', () => {
    expect(periodEnds('2019-04-10', '2020-03-31', 'quarter')).toEqual([
      '2019-06-30',
      '2019-09-30',
      '2019-12-31',
      '2020-03-31',
    ]);
    expect(periodEnds('2024-02-01', '2024-02-29', 'month')).toEqual(['2024-02-29']);
    expect(periodEnds('2024-02-01', '2024-02-10', 'month')).toEqual(['2024-02-10']);
  });
});

describe('status over time on a controlled history', () => {
  let t: TestApp;
  let controller: Account;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, reviewRequired: false });
    t.app.db.exec(`
      INSERT INTO sources (id, title) VALUES ('S1', 'Testquelle');
      INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count) VALUES ('1.0', 'T', '2021-01-15', 3);
      INSERT INTO ressorts (code, name) VALUES ('AA', 'Amt A'), ('BB', 'Amt B');
      INSERT INTO goals (id, version_key, title, lead_ressort, horizon, confidence_goal, confidence_ressort, confidence_status, search_text)
      VALUES ('g1', '1.0', 'Eins', 'AA', 'short', 'high', 'high', 'high', 'eins'),
             ('g2', '1.0', 'Zwei', 'BB', 'short', 'high', 'high', 'high', 'zwei');
      INSERT INTO status_events (goal_id, status, effective_date, recorded_at, reporter, track, source_id) VALUES
        ('g1', 'planned',     '2021-01-20', '2021-01-20T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g1', 'in_progress', '2021-03-05', '2021-03-06T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g1', 'achieved',    '2021-05-10', '2021-05-11T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        -- a backdated correction: effective in February, entered only in June
        ('g2', 'missed',      '2021-02-01', '2021-06-15T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g2', 'achieved',    '2021-04-01', '2021-04-02T10:00:00.000Z', 'SPD-Fraktion', 'independent', 'S1');
    `);
    controller = await createAccount(t, { email: 'c@aa.de', name: 'Cora', role: 'controller', ressorts: ['AA'] });
  });
  afterAll(() => t.close());

  /** A 200 answer, read through the response schema the route declares. */
  const get = async <S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return schema.parse(res.json());
  };
  const statuses = (body: { items: { id: string; status: string }[] }) =>
    Object.fromEntries(body.items.map((g) => [g.id, g.status]));

  it('asOf answers as the record stood on that date, by effective date', async () => {
    expect(statuses(await get('/api/goals?version=1.0&asOf=2021-01-31', GoalsResponse))).toEqual({
      g1: 'planned',
      g2: 'unknown',
    });
    expect(statuses(await get('/api/goals?version=1.0&asOf=2021-03-31', GoalsResponse))).toEqual({
      g1: 'in_progress',
      g2: 'missed',
    });
    expect(statuses(await get('/api/goals?version=1.0', GoalsResponse))).toEqual({ g1: 'achieved', g2: 'missed' });
    expect((await get('/api/goals?version=1.0&asOf=2021-03-31', GoalsResponse)).at).toEqual({
      asOf: '2021-03-31',
      knownAt: null,
      snapshot: null,
      recordedUntil: textMatching(/^\d{4}-\d{2}-\d{2}T/),
      changedSince: null,
    });
  });

  it('knownAt answers with what had been told by then, so backdated corrections show as such', async () => {
    // Effective in February, but not known until June.
    expect(statuses(await get('/api/goals?version=1.0&asOf=2021-03-31&knownAt=2021-05-31', GoalsResponse))).toEqual({
      g1: 'in_progress',
      g2: 'unknown',
    });
    expect(statuses(await get('/api/goals?version=1.0&asOf=2021-03-31&knownAt=2021-06-15', GoalsResponse))).toEqual({
      g1: 'in_progress',
      g2: 'missed',
    });
    const detail = await get('/api/goals/g2?knownAt=2021-05-31', GoalDetail);
    expect(detail.history.official).toEqual([]);
    expect(detail.history.independent).toHaveLength(1);
  });

  it('stats follow asOf too', async () => {
    const stats = await get('/api/stats/ressorts?version=1.0&asOf=2021-03-31', RessortStatsResponse);
    expect(stats.items.map((i) => [i.ressort, i.achieved])).toEqual([
      ['AA', 0],
      ['BB', 0],
    ]);
  });

  it('the timeline counts statuses as of each period end', async () => {
    const body = await get(
      '/api/stats/timeline?version=1.0&from=2021-01-15&to=2021-06-30&interval=month',
      TimelineResponse,
    );
    const compact = body.points.map((p) => [
      p.date,
      Object.entries(p.byStatus)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${s}:${n}`)
        .join(' '),
    ]);
    expect(compact).toEqual([
      ['2021-01-31', 'unknown:1 planned:1'],
      ['2021-02-28', 'planned:1 missed:1'],
      ['2021-03-31', 'in_progress:1 missed:1'],
      ['2021-04-30', 'in_progress:1 missed:1'],
      ['2021-05-31', 'achieved:1 missed:1'],
      ['2021-06-30', 'achieved:1 missed:1'],
    ]);
    const ressortB = await get(
      '/api/stats/timeline?version=1.0&ressort=BB&from=2021-01-15&to=2021-06-30&interval=quarter&track=independent',
      TimelineResponse,
    );
    expect(ressortB.points.map((p) => [p.date, p.byStatus.achieved])).toEqual([
      ['2021-03-31', 0],
      ['2021-06-30', 1],
    ]);
  });

  it('refuses a window that ends before it starts, or has too many points', async () => {
    expect(
      (await t.app.inject({ url: '/api/stats/timeline?version=1.0&from=2021-06-01&to=2021-01-01' })).statusCode,
    ).toBe(400);
    const many = await t.app.inject({ url: '/api/stats/timeline?version=1.0&from=1990-01-01&to=2021-01-01' });
    expect(issueFields(many)[0]).toBe('interval');
  });

  it('lists every change in a window with the status it replaced', async () => {
    const body = await get('/api/changes?since=2021-03-01&until=2021-05-31&version=1.0', ChangesResponse);
    expect(body.items.map((c) => [c.goalId, c.kind, c.from, c.to, c.track])).toEqual([
      ['g1', 'progress', 'in_progress', 'achieved', 'official'],
      ['g2', 'first_report', null, 'achieved', 'independent'],
      ['g1', 'progress', 'planned', 'in_progress', 'official'],
    ]);
    // Entered in June for February: a change of the record in June, not in spring.
    const june = await get('/api/changes?since=2021-06-01&until=2021-06-30&version=1.0', ChangesResponse);
    expect(june.items.map((c) => [c.goalId, c.kind, c.to])).toEqual([['g2', 'first_report', 'missed']]);
    expect(june.items[0]?.event.lateReport).toBe(true);
    expect(body.truncated).toBe(false);
    // The backdated correction (effective February, entered June) is not known in May.
    const known = await get(
      '/api/changes?since=2021-01-01&until=2021-05-31&knownAt=2021-05-31&track=official',
      ChangesResponse,
    );
    expect(known.items.map((c) => [c.goalId, c.to])).toEqual([
      ['g1', 'achieved'],
      ['g1', 'in_progress'],
      ['g1', 'planned'],
    ]);
    const csv = await t.app.inject({ url: '/api/export/changes.csv?since=2021-03-01&until=2021-05-31&version=1.0' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const { parseCsv } = await import('../src/lib/csv.ts');
    expect(
      parseCsv(csv.body)
        .slice(1)
        .map((r) => [r[0], r[2], r[6], r[7]]),
    ).toEqual([
      ['Fortschritt', 'g1', 'in Umsetzung', 'erreicht'],
      ['erste Meldung', 'g2', '', 'erreicht'],
      ['Fortschritt', 'g1', 'geplant', 'in Umsetzung'],
    ]);
    const limited = await get('/api/changes?since=2021-01-01&limit=2', ChangesResponse);
    expect(limited.items).toHaveLength(2);
    expect(limited.truncated).toBe(true);
  });

  it('publishes official changes as an Atom feed, overall and per Ressort, with text escaped', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/goals/g1/status',
      headers: { ...sameOrigin, cookie: controller.cookie },
      payload: {
        status: 'achieved',
        effectiveDate: '2021-07-01',
        note: 'Abschluss <script>alert(1)</script> & mehr',
        evidence: {},
        expectedRevision: 0,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const feed = await t.app.inject({ url: '/api/feeds/changes.atom' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toMatch(/^<\?xml/);
    // g1: planned, in progress, achieved (seed) and achieved (report); g2: missed.
    expect(feed.body.match(/<entry>/g)).toHaveLength(5);
    expect(feed.body).toContain('Abschluss &lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr');
    expect(feed.body).not.toContain('SPD-Fraktion');
    const perRessort = await t.app.inject({ url: '/api/feeds/changes.atom?ressort=BB' });
    expect(perRessort.body.match(/<entry>/g)).toHaveLength(1);
  });

  it('freezes a view with a content hash; views opened as of it do not move', async () => {
    const view = { path: '/ziele', params: { version: '1.0', status: 'achieved' } };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      headers: { ...sameOrigin, cookie: controller.cookie },
      payload: { title: 'Ausschusssitzung 02.12.2021', view },
    });
    expect(created.statusCode, created.body).toBe(201);
    const snapshot = created.json<SnapshotSummary>();
    expect(snapshot.id).toMatch(/^ausschusssitzung-02-12-2021-[0-9a-f]{10}$/);
    expect(snapshot.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(snapshot.url).pathname + new URL(snapshot.url).search).toBe(
      `/ziele?version=1.0&status=achieved&snapshot=${snapshot.id}`,
    );

    const before = statuses(await get(`/api/goals?version=1.0&snapshot=${snapshot.id}`, GoalsResponse));
    const detail = await get(`/api/snapshots/${snapshot.id}`, SnapshotDetail);
    expect(detail.contentHash).toBe(snapshot.contentHash);
    // The payload holds exactly what the view showed: the goals the filter left.
    if (!('goals' in detail.payload)) throw new Error('a frozen view holds its goals');
    expect(detail.payload.goals.map((g) => [g.id, g.status])).toEqual(
      Object.entries(before).filter(([, status]) => status === 'achieved'),
    );

    // A later report changes "now" but not the snapshot, which says that its date's figures changed since.
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/goals/g1/status',
      headers: { ...sameOrigin, cookie: controller.cookie },
      payload: {
        status: 'dropped',
        effectiveDate: '2021-08-01',
        note: 'eingestellt',
        evidence: {},
        expectedRevision: 1,
      },
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(statuses(await get('/api/goals?version=1.0', GoalsResponse)).g1).toBe('dropped');
    const after = await get(`/api/goals?version=1.0&snapshot=${snapshot.id}`, GoalsResponse);
    expect(statuses(after)).toEqual(before);
    expect(after.at.snapshot).toMatchObject({ id: snapshot.id, contentHash: snapshot.contentHash });
    expect(after.at.changedSince).toBe(1);
    expect(() => t.app.db.exec("UPDATE snapshots SET title = 'x'")).toThrow(/never change/);
  });

  it('lets anyone freeze a view and refuses mixing snapshot with asOf', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      headers: sameOrigin,
      payload: { view: { path: '/', params: { version: '1.0', asOf: '2021-03-31' } } },
    });
    expect(anonymous.statusCode, anonymous.body).toBe(201);
    expect(anonymous.json<SnapshotSummary>().title).toBe('Überblick · Digitalstrategie 1.0 · Stand 31.03.2021');
    const id = anonymous.json<SnapshotSummary>().id;
    expect((await t.app.inject({ url: `/api/goals?snapshot=${id}&asOf=2021-01-01` })).statusCode).toBe(400);
    expect(issueFields(await t.app.inject({ url: '/api/goals?snapshot=gibt-es-nicht' }))[0]).toBe('snapshot');
  });
});

describe('as-of aggregation query plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, reviewRequired: false });
  });
  afterAll(() => t.close());

  it('looks up the latest event per goal through the (goal, track, effective date) index', () => {
    const plan = t.app.db
      .prepare(`EXPLAIN QUERY PLAN ${withStatus('g.version_key = @version')}`)
      .all({ version: '1.0', asOf: '2021-01-01', knownAt: '2021-01-01T00:00:00Z' }) as { detail: string }[];
    const details = plan.map((row) => row.detail);
    expect(
      details.filter((d) =>
        /SEARCH e USING (COVERING )?INDEX status_events_goal_track_effective \(goal_id=\? AND track=\? AND effective_date<\?\)/.test(
          d,
        ),
      ),
    ).toHaveLength(2);
    expect(details.some((d) => /SCAN e\b/.test(d) || /SCAN status_events/.test(d))).toBe(false);
  });

  it('answers the per-Ressort and timeline aggregation from the covering index alone', () => {
    const plan = t.app.db
      .prepare(`EXPLAIN QUERY PLAN ${statusOnTrack('g.version_key = @version')}`)
      .all({ version: '1.0', track: 'official', asOf: '2021-01-01', knownAt: '2021-01-01T00:00:00Z' }) as {
      detail: string;
    }[];
    const details = plan.map((row) => row.detail);
    expect(details).toContainEqual(
      textMatching(
        /SEARCH e USING COVERING INDEX status_events_goal_track_effective \(goal_id=\? AND track=\? AND effective_date<\?\)/,
      ),
    );
    expect(details.some((d) => /SCAN (e|status_events)\b/.test(d))).toBe(false);
  });
});
