import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesResponse } from '@zielmonitor/shared/schemas/changes';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import type { TimelineResponse } from '@zielmonitor/shared/schemas/timeline';
import { parseCsv } from '../src/lib/csv.ts';
import {
  createAccount,
  createTestApp,
  sameOrigin,
  type Account,
  type TestApp,
  errorOf,
  objectContaining,
  issueFields,
} from './helper.ts';

/**
 * Corrections and withdrawals on a controlled history: goal g1 (Ressort AA) has a government
 * report "achieved" that was wrong; g2 (Ressort BB) belongs to another controller.
 */
describe('correcting and withdrawing a report', () => {
  let t: TestApp;
  let cora: Account; // controller of AA
  let bert: Account; // controller of BB
  let admin: Account;
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
        ('g1', 'planned',     '2021-02-01', '2021-02-01T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g1', 'in_progress', '2021-03-01', '2021-03-01T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g1', 'in_progress', '2021-04-01', '2021-04-01T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g1', 'achieved',    '2021-05-01', '2021-05-01T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g1', 'in_progress', '2021-06-01', '2021-06-01T10:00:00.000Z', 'Landesregierung', 'official', 'S1'),
        ('g2', 'in_progress', '2021-03-01', '2021-03-01T10:00:00.000Z', 'SPD-Fraktion', 'independent', 'S1');
    `);
    [cora, bert, admin] = await Promise.all([
      createAccount(t, { email: 'cora@aa.de', name: 'Cora', role: 'controller', ressorts: ['AA'] }),
      createAccount(t, { email: 'bert@bb.de', name: 'Bert', role: 'controller', ressorts: ['BB'] }),
      createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }),
    ]);
  });
  afterAll(() => t.close());

  const get = async <T>(url: string, cookie?: string) => {
    const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const goal = (id: string, query = '') => get<GoalDetail>(`/api/goals/${id}${query}`);
  const post = async (url: string, who: Account | null, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, ...(who && { cookie: who.cookie }) }, payload });
  const eventId = (status: string, effective: string) =>
    Number(
      t.app.db
        .prepare('SELECT id FROM status_events WHERE goal_id = ? AND status = ? AND effective_date = ?')
        .pluck()
        .get('g1', status, effective),
    );
  const rows = () =>
    Number(
      t.app.db
        .prepare('SELECT (SELECT count(*) FROM status_events) + (SELECT count(*) FROM status_supersessions)')
        .pluck()
        .get(),
    );

  it('labels every report against the one before it on its track', async () => {
    const history = (await goal('g1')).history.official.map((e) => [e.kind, e.status]);
    expect(history).toEqual([
      ['setback', 'in_progress'],
      ['progress', 'achieved'],
      ['confirmation', 'in_progress'],
      ['progress', 'in_progress'],
      ['first_report', 'planned'],
    ]);
  });

  it('refuses a correction without a reason, of another goal, of another Ressort, or on a stale revision', async () => {
    const wrong = eventId('achieved', '2021-05-01');
    const before = rows();
    const base = { status: 'in_progress', effectiveDate: '2021-05-01', note: '', evidence: {}, expectedRevision: 0 };
    const noReason = await post(`/api/goals/g1/status/${wrong}/correction`, cora, base);
    expect(noReason.statusCode).toBe(400);
    expect(issueFields(noReason)).toEqual(['reason']);
    const reason = 'Der Bericht meldete nur Teilabschluss';
    expect((await post(`/api/goals/g2/status/${wrong}/correction`, bert, { ...base, reason })).statusCode).toBe(404);
    expect((await post(`/api/goals/g1/status/${wrong}/correction`, bert, { ...base, reason })).statusCode).toBe(403);
    expect((await post(`/api/goals/g1/status/${wrong}/correction`, null, { ...base, reason })).statusCode).toBe(401);
    const stale = await post(`/api/goals/g1/status/${wrong}/correction`, cora, {
      ...base,
      reason,
      expectedRevision: 7,
    });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).conflict?.revision).toBe(0);
    const tooEarly = await post(`/api/goals/g1/status/${wrong}/correction`, cora, {
      ...base,
      reason,
      effectiveDate: '2021-01-14',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(errorOf(tooEarly).issues?.[0]).toMatchObject({ field: 'effectiveDate' });
    expect(errorOf(tooEarly).message).toContain('15.01.2021');
    expect(rows()).toBe(before);
  });

  it('corrects a wrong report: it counts nowhere from then on, and stays visible as known before', async () => {
    const wrong = eventId('achieved', '2021-05-01');
    expect((await get<RessortStatsResponse>('/api/stats/ressorts?version=1.0&asOf=2021-05-15')).items[0]).toMatchObject(
      {
        ressort: 'AA',
        achieved: 1,
      },
    );
    const res = await post(`/api/goals/g1/status/${wrong}/correction`, cora, {
      status: 'partially_achieved',
      effectiveDate: '2021-05-01',
      note: 'Nur zwei von drei Modulen',
      evidence: { reference: 'Vorlage 17/1234' },
      reason: 'Der Bericht meldete nur Teilabschluss, nicht den Abschluss',
      expectedRevision: 0,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<StatusUpdateResponse>();
    expect(body.event).toMatchObject({
      status: 'partially_achieved',
      kind: 'correction',
      previousStatus: 'achieved',
      corrects: wrong,
    });
    // A later report (June) stays the current status: the correction is history.
    expect(body.becameCurrent).toBe(false);
    expect(body.current).toMatchObject({ status: 'in_progress', effectiveDate: '2021-06-01' });

    const stats = await get<RessortStatsResponse>('/api/stats/ressorts?version=1.0&asOf=2021-05-15');
    expect(stats.items.find((i) => i.ressort === 'AA')).toMatchObject({
      achieved: 0,
      byStatus: objectContaining({ partially_achieved: 1, achieved: 0 }),
    });
    expect((await get<GoalsResponse>('/api/goals?version=1.0&asOf=2021-05-15')).items[0]?.status).toBe(
      'partially_achieved',
    );

    const history = (await goal('g1')).history.official;
    const superseded = history.find((e) => e.id === wrong);
    expect(superseded?.supersededBy).toMatchObject({
      kind: 'correction',
      reporter: 'Cora (AA)',
      reason: 'Der Bericht meldete nur Teilabschluss, nicht den Abschluss',
      replacementEventId: body.event.id,
    });
    // The report after the corrected one is set against the correction, not the wrong report.
    expect(history[0]).toMatchObject({ status: 'in_progress', kind: 'setback', previousStatus: 'partially_achieved' });

    // As known before the correction, the wrong report stands: that is what knownAt is for.
    const known = body.event.recordedAt.slice(0, 19);
    const before = await get<GoalsResponse>(`/api/goals?version=1.0&asOf=2021-05-15&knownAt=2021-05-31`);
    expect(before.items[0]?.status).toBe('achieved');
    expect(before.at.changedSince).toBe(1);
    // toBeNull also refuses undefined: a missing event fails here.
    expect((await goal('g1', '?knownAt=2021-05-31')).history.official[0]?.supersededBy).toBeNull();
    expect(known).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A second correction of the same report is a conflict, not a second truth.
    const again = await post(`/api/goals/g1/status/${wrong}/correction`, cora, {
      status: 'planned',
      effectiveDate: '2021-05-01',
      note: '',
      evidence: {},
      reason: 'Noch einmal berichtigt, zur Probe',
      expectedRevision: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toContain('bereits berichtigt');
  });

  it('withdraws a report without a replacement: the goal falls back to the status before it', async () => {
    const june = eventId('in_progress', '2021-06-01');
    const res = await post(`/api/goals/g1/status/${june}/withdrawal`, admin, {
      reason: 'Doppelt eingetragen, gilt nicht',
      expectedRevision: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<StatusUpdateResponse>().current).toMatchObject({ status: 'partially_achieved' });
    expect((await goal('g1')).status).toBe('partially_achieved');
    const withdrawn = (await goal('g1')).history.official.find((e) => e.id === june);
    expect(withdrawn?.supersededBy).toMatchObject({ kind: 'withdrawal', reporter: 'Ada (Administration)' });
  });

  it('says in the changes list, the feed and the CSV which change is which', async () => {
    const changes = await get<ChangesResponse>('/api/changes?since=2021-01-01&version=1.0&track=official');
    const kinds = changes.items.map((c) => [c.kind, c.from, c.to]);
    expect(kinds).toEqual([
      ['withdrawal', 'in_progress', 'partially_achieved'],
      ['correction', 'achieved', 'partially_achieved'],
      ['confirmation', 'in_progress', 'in_progress'],
      ['progress', 'planned', 'in_progress'],
      ['first_report', null, 'planned'],
    ]);
    expect(changes.items[0]?.reason).toBe('Doppelt eingetragen, gilt nicht');

    const csv = await t.app.inject({ url: '/api/export/changes.csv?since=2021-01-01&version=1.0&track=official' });
    const table = parseCsv(csv.body);
    expect(table.slice(1).map((r) => r[0])).toEqual([
      'Rücknahme',
      'Berichtigung',
      'Bestätigung (unverändert)',
      'Fortschritt',
      'erste Meldung',
    ]);
    const reasonColumn = table[0]?.indexOf('Grund der Berichtigung oder Rücknahme') ?? -1;
    expect(table[1]?.[reasonColumn]).toBe('Doppelt eingetragen, gilt nicht');

    const feed = (await t.app.inject({ url: '/api/feeds/changes.atom' })).body;
    expect(feed).toContain('Rücknahme: die Meldung „in Umsetzung“');
    expect(feed).toContain('Berichtigung: erreicht → teilweise erreicht');
    expect(feed).toContain('Grund: Der Bericht meldete nur Teilabschluss');
    expect(feed).not.toMatch(/partially_achieved|in_progress|withdrawal|correction/);
  });

  it('keeps the month-end summary in step with corrections', async () => {
    const timeline = await get<TimelineResponse>(
      '/api/stats/timeline?version=1.0&ressort=AA&from=2021-01-15&to=2021-07-31',
    );
    const summary = timeline.points.map((p) => [p.date, Object.entries(p.byStatus).find(([, n]) => n > 0)?.[0]]);
    expect(summary).toEqual([
      ['2021-01-31', 'unknown'],
      ['2021-02-28', 'planned'],
      ['2021-03-31', 'in_progress'],
      ['2021-04-30', 'in_progress'],
      ['2021-05-31', 'partially_achieved'],
      ['2021-06-30', 'partially_achieved'],
      ['2021-07-31', 'partially_achieved'],
    ]);
  });

  it('marks a report entered more than 90 days after its date, and says when a back-dated one is not current', async () => {
    const res = await post('/api/goals/g1/status', cora, {
      status: 'planned',
      effectiveDate: '2021-03-15',
      note: 'Nachtrag aus dem Archiv',
      evidence: {},
      expectedRevision: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<StatusUpdateResponse>();
    expect(body.event.lateReport).toBe(true);
    expect(body.becameCurrent).toBe(false);
    expect(body.current?.status).toBe('partially_achieved');
  });

  it('lets only the administration correct an independent assessment from a public source', async () => {
    const spd = Number(t.app.db.prepare("SELECT id FROM status_events WHERE goal_id = 'g2'").pluck().get());
    const body = { reason: 'Quelle falsch zugeordnet', expectedRevision: 0 };
    expect((await post(`/api/goals/g2/status/${spd}/withdrawal`, bert, body)).statusCode).toBe(403);
    expect((await post(`/api/goals/g2/status/${spd}/withdrawal`, admin, body)).statusCode).toBe(201);
    const detail = await get<GoalDetail>('/api/goals/g2', bert.cookie);
    expect(detail.permissions).toEqual({
      canReport: true,
      canAssess: false,
      correctableEventIds: [],
      repliableEventIds: [],
      correctableReplyIds: [],
      canAssign: false,
    });
  });

  it('keeps the history append-only', () => {
    expect(() => t.app.db.exec('DELETE FROM status_supersessions')).toThrow(/append-only/);
    expect(() => t.app.db.exec("UPDATE status_supersessions SET reason = 'x'")).toThrow(/append-only/);
  });
});
