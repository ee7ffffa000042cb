import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { hashPassword } from '../src/lib/passwords.ts';
import { createRepositories } from '../src/repositories/index.ts';
import { seedIfEmpty } from '../src/seed/load-seed.ts';
import { nginxAvailable, startBehindNginx, type NginxProcess } from '../../scripts/lib/nginx-process.ts';
import { repoRoot, type ServerProcess } from '../../scripts/lib/server-process.ts';
import { seedDir } from './helper.ts';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string };

let nginx: NginxProcess;
let server: ServerProcess;
let dir: string;
const ADMIN = { email: 'admin@nrw.de', password: 'korrekt-pferd-hinter-nginx' };

/** A request to nginx as a browser at PUBLIC_ORIGIN makes it: TLS to 127.0.0.1, SNI and Host localhost. */
function request(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const url = new URL(pathname, nginx.origin);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: url.port,
        servername: 'localhost',
        ca: nginx.ca,
        path: `${url.pathname}${url.search}`,
        method: opts.method ?? 'GET',
        headers: { host: url.host, ...opts.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const json = (answer: Answer) => JSON.parse(answer.text) as Record<string, unknown> & { error?: { code: string } };
const browser = () => ({ origin: nginx.origin, 'content-type': 'application/json' });

async function loginAdmin(): Promise<{ answer: Answer; cookie: string }> {
  const answer = await request('/api/auth/login', {
    method: 'POST',
    headers: browser(),
    body: JSON.stringify(ADMIN),
  });
  const setCookie = answer.headers['set-cookie']?.[0] ?? '';
  return { answer, cookie: setCookie.split(';')[0] ?? '' };
}

describe.skipIf(!nginxAvailable())('behind Debian’s nginx with TLS (scripts/deploy/nginx-zielmonitor.conf)', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-nginx-'));
    const databasePath = path.join(dir, 'zielmonitor.sqlite');
    const db = openDatabase(databasePath);
    seedIfEmpty(db, seedDir);
    createRepositories(db).users.create(
      {
        email: ADMIN.email,
        name: 'Ada',
        role: 'admin',
        ressorts: [],
        passwordHash: await hashPassword(ADMIN.password),
      },
      new Date().toISOString(),
    );
    db.close();
    ({ nginx, server } = await startBehindNginx({ dir, databasePath }));
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await nginx.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('speaks HTTP/2 over TLS and sends HSTS', async () => {
    const session = http2.connect(nginx.origin, { ca: nginx.ca, host: '127.0.0.1', servername: 'localhost' });
    const answer = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
      const stream = session.request({ ':path': '/api/health' });
      stream.on('response', resolve);
      stream.on('error', reject);
      stream.resume();
    });
    expect(session.alpnProtocol).toBe('h2');
    expect(answer[':status']).toBe(200);
    expect(answer['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    session.close();
  });

  it('redirects plain HTTP to the public https address', async () => {
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(`${nginx.httpOrigin}/ziele?version=2.0`, { headers: { host: 'localhost' } }, resolve)
        .on('error', reject),
    );
    answer.resume();
    expect(answer.statusCode).toBe(301);
    expect(answer.headers.location).toBe(`${nginx.origin}/ziele?version=2.0`);
  });

  it('sets a Secure session cookie at login', async () => {
    const { answer } = await loginAdmin();
    expect(answer.status).toBe(200);
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^zm_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });

  it('accepts a status report with the browser’s https Origin, refuses a foreign one, and records the real client', async () => {
    const { cookie } = await loginAdmin();
    const goal = json(await request('/api/goals/v1-01', { headers: { cookie } }));
    const report = (origin: string) =>
      request('/api/goals/v1-01/status', {
        method: 'POST',
        // A client's own X-Forwarded-For must not reach the app: nginx sets it.
        headers: { ...browser(), origin, cookie, 'x-forwarded-for': '203.0.113.99' },
        body: JSON.stringify({
          status: 'in_progress',
          effectiveDate: '2021-11-30',
          note: 'über nginx',
          evidence: {},
          expectedRevision: goal.revision,
        }),
      });
    const foreign = await report('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(json(foreign).error?.code).toBe('CROSS_ORIGIN');
    // By default a government report waits for a second person's release (202).
    expect((await report(nginx.origin)).status).toBe(202);
    const audit = json(await request('/api/audit?limit=1', { headers: { cookie } })) as {
      items?: { action: string; ip: string }[];
    };
    expect(audit.items?.[0]).toMatchObject({ action: 'submission.submit', ip: '127.0.0.1' });
  });

  it('builds feed links from PUBLIC_ORIGIN, whatever Host headers the request carries', async () => {
    const feed = await request('/api/feeds/changes.atom?ressort=MWIDE', {
      headers: { 'x-forwarded-host': 'evil.example', forwarded: 'host=evil.example' },
    });
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`<link rel="self" href="${nginx.origin}/api/feeds/changes.atom?ressort=MWIDE"/>`);
    expect(feed.text).toContain(`${nginx.origin}/ziele/`);
    expect(feed.text).not.toContain('evil.example');
  });

  it('caches anonymous stats, and never a logged-in answer', async () => {
    const url = '/api/stats/ressorts?version=1.0&track=independent';
    const first = await request(url);
    const second = await request(url);
    expect([first.headers['x-cache-status'], second.headers['x-cache-status']]).toEqual(['MISS', 'HIT']);
    expect(second.text).toBe(first.text);

    const { cookie } = await loginAdmin();
    const personal = '/api/goals?version=2.0&sort=title';
    for (let i = 0; i < 2; i++) {
      const answer = await request(personal, { headers: { cookie } });
      expect(answer.headers['x-cache-status']).toBe('BYPASS');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    // Nothing of the logged-in answers was stored: the first anonymous request goes to the app.
    expect((await request(personal)).headers['x-cache-status']).toBe('MISS');
  });

  it('passes the app’s pre-compressed assets through untouched', async () => {
    const assets = path.join(repoRoot, 'client', 'dist', 'assets');
    const script = fs.readdirSync(assets).find((name) => name.endsWith('.js'));
    expect(script).toBeDefined();
    const answer = await request(`/assets/${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.body.equals(fs.readFileSync(path.join(assets, `${script}.br`)))).toBe(true);
    expect(zlib.brotliDecompressSync(answer.body).equals(fs.readFileSync(path.join(assets, script ?? '')))).toBe(true);
  });

  it('answers a login flood from one address itself, in the app’s error shape, before the app sees it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        request('/api/auth/login', {
          method: 'POST',
          headers: browser(),
          body: JSON.stringify({ email: `flut-${i}@example.org`, password: 'falsch-falsch-falsch' }),
        }),
      ),
    );
    const byNginx = answers.filter((a) => a.status === 429 && json(a).error?.code === 'TOO_MANY_REQUESTS');
    expect(byNginx.length).toBeGreaterThanOrEqual(30 - 11);
    expect(byNginx[0]?.headers['retry-after']).toBe('1');
    expect(byNginx[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answers.every((a) => a.status < 500)).toBe(true);
  });

  it('answers in the error shape when the app is down, and with a readable page for a page', async () => {
    await server.stop();
    const api = await request('/api/versions');
    expect(api.status).toBe(503);
    expect(json(api).error?.code).toBe('UNAVAILABLE');
    const page = await request('/ziele');
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('Der Zielmonitor ist gerade nicht erreichbar');
  });
});
