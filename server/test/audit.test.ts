import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv.ts';
import {
  createAccount,
  createTestApp,
  sameOrigin,
  type Account,
  type TestApp,
  issueFields,
  anyText,
} from './helper.ts';
import type { GoalsResponse } from '@zielmonitor/shared/schemas/goal';

describe('a readable audit log', () => {
  let t: TestApp;
  let kim: Account;
  let admin: Account;
  beforeAll(async () => {
    t = await createTestApp({ reviewRequired: false });
    [kim, admin] = await Promise.all([
      createAccount(t, { email: 'kim@mhkbd.nrw.de', name: 'Kim K', role: 'controller', ressorts: ['MHKBD'] }),
      createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }),
    ]);
    const goal = (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>()
      .items[0];
    if (!goal) throw new Error('the seed has an MWIDE goal');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/goals/${goal.id}/status`,
      headers: { ...sameOrigin, cookie: kim.cookie },
      payload: {
        status: 'achieved',
        effectiveDate: '2026-11-01',
        note: 'Fertig',
        evidence: {},
        expectedRevision: goal.revision,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // A failed login: recorded with the address tried, never with the password.
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { email: 'kim@mhkbd.nrw.de', password: 'geheim-und-falsch-123' },
    });
    expect(failed.statusCode).toBe(401);
  }, 60_000);
  afterAll(() => t.close());

  const audit = async (query = '') => {
    const res = await t.app.inject({ url: `/api/audit${query}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      items: {
        action: string;
        actionLabel: string;
        actor: string;
        changes: { label: string; before: string | null; after: string | null }[];
        subject: { type: string };
      }[];
      total: number;
    }>();
  };

  it('says what happened in German, with a labelled diff and what it is about', async () => {
    const { items } = await audit('?action=status.report');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actionLabel: 'Stand gemeldet',
      actor: 'kim@mhkbd.nrw.de',
      subject: { type: 'goal' },
    });
    expect(items[0]?.changes).toContainEqual({ label: 'Status', before: anyText, after: 'erreicht' });
    expect(items[0]?.changes).toContainEqual({ label: 'Gilt ab', before: null, after: '01.11.2026' });
  });

  it('records failed logins without the password', async () => {
    const { items } = await audit('?action=login.failed');
    expect(items[0]).toMatchObject({ actionLabel: 'Anmeldung fehlgeschlagen', actor: 'kim@mhkbd.nrw.de' });
    const raw = t.app.db.prepare("SELECT after_json FROM audit_log WHERE action = 'login.failed'").pluck().all();
    expect(JSON.stringify(raw)).not.toContain('geheim-und-falsch');
  });

  it('filters by who, Ressort, action and date, and refuses a window that ends before it starts', async () => {
    expect((await audit('?actor=mhkbd')).items.every((e) => e.actor.includes('mhkbd'))).toBe(true);
    expect((await audit('?ressort=MWIDE')).items.map((e) => e.action)).toContain('status.report');
    expect((await audit('?ressort=MSB')).items.map((e) => e.action)).not.toContain('status.report');
    expect((await audit('?from=2099-01-01')).total).toBe(0);
    const bad = await t.app.inject({
      url: '/api/audit?from=2026-12-01&to=2026-11-01',
      headers: { cookie: admin.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)[0]).toBe('from');
  });

  it('exports the same entries as CSV for German Excel, for administrations only', async () => {
    const csv = await t.app.inject({
      url: '/api/export/audit.csv?action=status.report',
      headers: { cookie: admin.cookie },
    });
    expect(csv.statusCode).toBe(200);
    const [header, row] = parseCsv(csv.body);
    expect(header).toEqual(['Zeitpunkt', 'Wer', 'Was', 'Betrifft', 'Änderungen', 'Adresse']);
    expect(row?.[2]).toBe('Stand gemeldet');
    expect(row?.[4]).toContain('Status:');
    expect((await t.app.inject({ url: '/api/export/audit.csv', headers: { cookie: kim.cookie } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/export/audit.csv' })).statusCode).toBe(401);
  });
});
