import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeXml } from '../src/lib/atom.ts';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp, errorOf } from './helper.ts';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';

let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false }); // reports enter the record at once (201)
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
});
afterAll(() => t.close());

const count = (table: string) => Number(t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
const revision = async () => (await t.app.inject({ url: '/api/goals/v1-01' })).json<GoalDetail>().revision;
const report = async (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/goals/v1-01/status',
    headers: { ...sameOrigin, cookie: admin.cookie, 'content-type': 'application/json' },
    // Written by hand: JSON.stringify would escape a lone surrogate exactly as an attacker would.
    payload: JSON.stringify({
      status: 'in_progress',
      effectiveDate: '2021-11-30',
      note: '',
      evidence: {},
      expectedRevision: await revision(),
      ...body,
    }),
  });
const fieldsOf = (res: { json: () => { error: { issues?: { field: string }[] } } }) =>
  errorOf(res).issues?.map((i) => i.field);

describe('every text field refuses control characters and broken Unicode with 400 naming it', () => {
  it.each([
    ['note', { note: 'Bericht\u0000liegt vor' }, 'note'],
    ['note with a form feed from a PDF', { note: 'Seite 1\fSeite 2' }, 'note'],
    ['note with a lone surrogate', { note: 'Ziel \uD83D erreicht' }, 'note'],
    ['evidence.reference with a line feed', { evidence: { reference: 'Drs.\n17/14917' } }, 'evidence.reference'],
    ['evidence.url with a tab', { evidence: { url: 'https://www.landtag.nrw.de/\tx' } }, 'evidence.url'],
  ])('status report: %s', async (_name, body, field) => {
    const events = count('status_events');
    const res = await report(body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([field]);
    expect(count('status_events')).toBe(events);
  });

  it('keeps line feeds and tabs in a note, and reads CR LF as a line feed', async () => {
    const res = await report({ note: 'Zeile 1\r\nZeile 2\n\tEingerückt' });
    expect(res.statusCode).toBe(201);
    expect(res.json<StatusUpdateResponse>().event.note).toBe('Zeile 1\nZeile 2\n\tEingerückt');
  });

  it('snapshot title, login e-mail and password, search text and period', async () => {
    const snapshot = await t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      headers: { ...sameOrigin, cookie: admin.cookie },
      payload: { title: 'Stand\u001b[31m rot', view: { path: '/', params: { version: '1.0' } } },
    });
    expect(fieldsOf(snapshot)).toEqual(['title']);
    for (const [field, payload] of [
      ['email', { email: 'admin@nrw.de\u0000', password: 'egal-egal-egal' }],
      ['password', { email: 'admin@nrw.de', password: 'korrekt\u0000pferd' }],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload });
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
    const search = await t.app.inject({ url: '/api/goals?q=glas%0Afaser' });
    expect(search.statusCode).toBe(400);
    expect(fieldsOf(search)).toEqual(['q']);
    const due = await t.app.inject({ url: '/api/stats/due?version=1.0&period=17%00' });
    expect(due.statusCode).toBe(400);
    expect(fieldsOf(due)).toEqual(['period']);
  });
});

/** Parses with saxes, a conformant XML 1.0 parser: it rejects any character XML forbids. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => problems.push(err.message));
  parser.write(xml).close();
  return problems;
}

describe('the Atom feed stays well-formed whatever the database holds', () => {
  it('writes no character XML forbids, even from rows that never passed the API', async () => {
    const hostile =
      'NUL\u0000 BEL\u0007 VT\u000B FF\u000C ESC\u001B lone\uD800 \uDC00 nonchar\uFFFE\uFFFF ok: äöü 😀 <&>"\'';
    // An old row, a direct import: status events are append-only, so one bad character would stay for good.
    t.app.db
      .prepare(
        `INSERT INTO status_events (goal_id, track, status, effective_date, effective_date_precision, recorded_at, reporter, note)
         VALUES ('v1-01', 'official', 'achieved', '2022-01-01', 'day', ?, ?, ?)`,
      )
      .run(new Date().toISOString(), `Altbestand ${hostile}`, hostile);
    const feed = await t.app.inject({ url: '/api/feeds/changes.atom' });
    expect(feed.statusCode).toBe(200);
    expect(xmlProblems(feed.body)).toEqual([]);
    expect(feed.body).toContain('ok: äöü 😀 &lt;&amp;&gt;&quot;&apos;');
    // Each forbidden character becomes U+FFFD (a lone surrogate already reads back from SQLite as U+FFFD bytes).
    expect(feed.body).toContain('NUL\uFFFD BEL\uFFFD VT\uFFFD FF\uFFFD ESC\uFFFD lone\uFFFD');
    expect(feed.body).toContain('nonchar\uFFFD\uFFFD ok');
  });

  it('the escaping itself: every code unit from U+0000 to U+FFFF comes out as valid XML text', () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('');
    expect(xmlProblems(`<a>${escapeXml(all)}</a>`)).toEqual([]);
  });
});
